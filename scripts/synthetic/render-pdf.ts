// The synthetic corpus's PDF form: a report's web page (render-html.ts) printed to PDF by Debian's Chromium,
// as a maintainer saves a page they cannot download as a file: ruled tables, the site's menus and footer,
// Chromium's running header and footer. One browser, pages printed one after another.
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, LAUNCH_ARGS } from '../chromium.ts';

export class PdfPrinter {
  private browser: Promise<Browser> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  print(html: string): Promise<Uint8Array> {
    const job = this.queue.then(async () => {
      this.browser ??= chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
      const page = await (await this.browser).newPage();
      try {
        await page.setContent(html, { waitUntil: 'domcontentloaded' });
        return new Uint8Array(
          await page.pdf({ format: 'A4', displayHeaderFooter: true, margin: { top: '18mm', bottom: '18mm', left: '15mm', right: '15mm' } }),
        );
      } finally {
        await page.close();
      }
    });
    this.queue = job.catch(() => {});
    return job;
  }

  async close(): Promise<void> {
    if (this.browser) await (await this.browser).close();
  }
}
