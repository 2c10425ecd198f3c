import { existsSync } from 'node:fs';
import type { BrowserType } from 'playwright-core';

/** Prints a self-contained HTML page to an A4 PDF; null when no headless browser is installed. */
export type PdfPrinter = (html: string) => Promise<Buffer | null>;

// The same flags as the browser tests (e2e/lib/chromium.mjs; server code does not import from e2e/): nothing may
// leave the machine while a report is printed, and no background traffic starts.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--no-pings',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/**
 * Headless Chromium through playwright-core, started per report and closed after it (reports are a few a month:
 * a browser kept running would cost 100 MB for nothing). The page gets the HTML as content and may fetch nothing:
 * every request it makes is aborted. Missing browser or library → null, and the caller answers 503.
 */
export function chromiumPrinter(path?: string): PdfPrinter {
  return async (html) => {
    // Read at each print, so a browser installed later is found without a restart.
    const executablePath = path ?? (process.env.CHROMIUM_PATH || '/usr/bin/chromium');
    if (!existsSync(executablePath)) return null;
    let chromium: BrowserType;
    try {
      ({ chromium } = await import('playwright-core'));
    } catch {
      return null;
    }
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await browser.close();
    }
  };
}

/** Pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). Enough for the PDFs Chromium writes. */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
