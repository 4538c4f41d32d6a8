// A report as a real Word file, written with the `docx` package: plain bold paragraphs for headings
// (as most agencies type them, no heading styles), tables with Word's own merges (gridSpan across,
// vMerge restart/continue down), which mammoth turns into colspan/rowspan.
import { AlignmentType, Document, Packer, Paragraph, Table as WordTable, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import type { ReportDocument } from './synthetic-report.ts';
import { grid, type Table } from './synthetic-tables.ts';

const FONT = '仿宋_GB2312';

export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  const children: (Paragraph | WordTable)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.title, bold: true, size: 36, font: '方正小标宋简体' })] }),
  ];
  for (const block of doc.blocks) {
    if (block.kind === 'table') children.push(table(block.table));
    else
      children.push(
        new Paragraph({
          alignment: block.kind === 'paragraph' && block.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: block.kind === 'paragraph' && !block.right ? { firstLine: 640 } : undefined,
          children: [new TextRun({ text: block.text, bold: block.kind === 'heading', size: 32, font: FONT })],
        }),
      );
  }
  const file = new Document({ creator: 'nianbao bench', sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(file));
}

function table(t: Table): WordTable {
  const rows = grid(t).map(
    (slots) =>
      new TableRow({
        children: slots
          .filter((slot, c) => slot.cell !== slots[c - 1]?.cell)
          .map(
            ({ cell, origin, continued }) =>
              new TableCell({
                columnSpan: cell.colspan,
                verticalMerge: continued ? VerticalMergeType.CONTINUE : cell.rowspan ? VerticalMergeType.RESTART : undefined,
                children: [
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: (origin ? cell.text : '').split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, size: 21 })),
                  }),
                ],
              }),
          ),
      }),
  );
  return new WordTable({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}
