// A report as the article page of a government site's 政府信息公开 platform (report-format.md §7): site
// header and navigation, breadcrumb, the article with real <table> markup copied from Word (inline
// styles, rowspan/colspan, &nbsp; blanks, <br /> in header cells), related links and a footer.
import type { Agency } from './agencies.ts';
import type { Random } from './random.ts';
import type { ReportDocument } from './synthetic-report.ts';
import type { Table } from './synthetic-tables.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const COLUMNS = ['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报', '依申请公开'];

export function renderHtml(doc: ReportDocument, agency: Agency, charset: string, rnd: Random): string {
  const site = agency.level === 'department' || agency.level === 'township' ? agency.parent! : agency.name;
  const wordStyle = rnd.chance(0.6);
  const p = (text: string, right = false) =>
    wordStyle
      ? `<p class="MsoNormal" style="text-indent:2em;line-height:28px${right ? ';text-align:right' : ''}"><span style="font-family:仿宋_GB2312;font-size:16pt">${escape(text)}</span></p>`
      : `<p${right ? ' style="text-align:right"' : ''}>${escape(text)}</p>`;
  const body = doc.blocks
    .map((b) => (b.kind === 'table' ? table(b.table, wordStyle) : b.kind === 'heading' ? `<p><strong>${escape(b.text)}</strong></p>` : p(b.text, b.right)))
    .join('\n');
  const nav = ['首页', '政务公开', '政务服务', '互动交流', `走进${escape(agency.short)}`, '专题专栏']
    .map((n) => `<li><a href="/${rnd.int(100, 999)}/">${n}</a></li>`)
    .join('');
  const columns = COLUMNS.map((n) => `<li><a href="/zfxxgk/${rnd.int(1000, 9999)}/">${n}</a></li>`).join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>${escape(doc.title)}_${escape(site)}</title>
<link rel="stylesheet" href="/css/common.css">
<script src="/js/jquery.min.js"></script>
</head>
<body>
<div class="top"><div class="logo"><img src="/images/logo.png" alt="${escape(site)}"></div>
<div class="search"><form action="/search"><input type="text" name="q" placeholder="请输入关键词"><button>搜索</button></form></div></div>
<ul class="nav">${nav}</ul>
<div class="main"><div class="left"><h3>政府信息公开</h3><ul>${columns}</ul></div>
<div class="right">
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zfxxgk/">政府信息公开</a> &gt; 政府信息公开年报</div>
<div class="meta"><span>索引号：${rnd.int(10000000, 99999999)}/${doc.published.slice(0, 4)}-${rnd.int(10000, 99999)}</span><span>发布机构：${escape(agency.name)}</span><span>发布日期：${doc.published}</span></div>
<h1 class="title">${escape(doc.title)}</h1>
<div class="content" id="zoom">
${body}
</div>
<div class="share">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div></div>
<div class="footer"><p>主办：${escape(site)}办公室　网站标识码：${rnd.int(1000000000, 9999999999)}</p><p>ICP备${rnd.int(10000000, 99999999)}号　公安机关备案号：${rnd.int(10000000000, 99999999999)}</p></div>
</body>
</html>
`;
}

function table(t: Table, wordStyle: boolean): string {
  const td = wordStyle ? ' style="border:solid windowtext 1.0pt;padding:0cm 5.4pt" valign="center"' : '';
  const rows = t.map(
    (cells) =>
      `<tr>${cells
        .map((c) => {
          const spans = `${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}${c.colspan ? ` colspan="${c.colspan}"` : ''}`;
          const text = c.text === '' ? '&nbsp;' : c.text.split('\n').map(escape).join('<br />');
          return `<td${spans}${td}>${wordStyle ? `<p align="center">${text}</p>` : text}</td>`;
        })
        .join('')}</tr>`,
  );
  return `<table border="1" cellspacing="0" cellpadding="0" width="100%"${wordStyle ? ' class="MsoNormalTable" style="border-collapse:collapse"' : ''}><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}
