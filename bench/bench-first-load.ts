import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { build } from 'vite';
import { ROOT_DIR } from '../apps/server/src/core/config';
import { start } from './bench-util';
import { round } from './http-load';
// The browser tests' flags: nothing may leave the machine, no background noise in the timings.
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/lib/chromium.mjs';

const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};
const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };
const DEMO_PASSWORD = 'Wangge@2026';

interface Load {
  /** JS the page requested before its marker appeared (its first useful render), gzip-compressed here. */
  jsGzipKB: number;
  jsRawKB: number;
  scripts: number;
  /** JS fetched once the network went quiet (e.g. the report page's map arriving after the form), gzip here. */
  jsGzipKBIdle: number;
  /** Every response body until the network went quiet, as the server sent it (compressed where it compresses)… */
  transferKB: number;
  /** …and decoded: what the same load costs a server that does not compress. */
  uncompressedKB: number;
  /** From navigation start until the page's marker element is visible. */
  firstRenderMs: number;
  fcpMs: number;
  /** The five largest scripts (gzip KB), to show where the bytes go. */
  largest: string[];
}

/**
 * First load of the login page and of the phone report page (/cases/new at 375 px, the page grid workers and
 * inspectors report from), each from an empty cache, beside a bare Vite + React page built and served in this run.
 */
export async function benchFirstLoad(dir: string, runs: number) {
  const webDir = join(ROOT_DIR, 'apps/web');
  await build({ root: webDir, configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  const bareOut = join(dir, 'bare-vite');
  await build({
    root: join(ROOT_DIR, 'bench/bare-vite'),
    configFile: false,
    logLevel: 'warn',
    build: { outDir: bareOut, emptyOutDir: true },
  });

  const port = 19000 + Math.floor(Math.random() * 1000);
  const env = {
    ...process.env,
    DATABASE_URL: '',
    WANGGE_DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  const server = await start(
    process.execPath,
    [
      join(ROOT_DIR, 'apps/server/bin/wangge.mjs'),
      'demo',
      '--serve',
      '--db',
      join(dir, 'first-load.db'),
      '--port',
      String(port),
    ],
    env,
    /Wangge: http/,
  );
  const bare = await serveStatic(bareOut);
  const barePort = (bare.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const loginAs = (username: string) => async (page: Page) => {
      const res = await page.request.post(`${base}/api/auth/login`, {
        data: { username, password: DEMO_PASSWORD },
      });
      if (!res.ok()) throw new Error(`bench login: ${res.status()} ${await res.text()}`);
    };
    const samples: Record<'bare' | 'login' | 'report' | 'map', Load[]> = {
      bare: [],
      login: [],
      report: [],
      map: [],
    };
    // Interleave them so a busy moment on the machine does not land on one of them only; keep medians.
    for (let i = 0; i < runs; i++) {
      samples.bare.push(
        await measure(browser, PHONE, `http://127.0.0.1:${barePort}/`, '[data-testid="bare"]'),
      );
      samples.login.push(await measure(browser, PHONE, `${base}/login`, '#username'));
      samples.report.push(
        await measure(
          browser,
          PHONE,
          `${base}/cases/new`,
          '[data-testid="report-form"]',
          loginAs('inspector'),
        ),
      );
      samples.map.push(
        await measure(browser, DESKTOP, `${base}/map`, '.map-canvas canvas', loginAs('jd_leader')),
      );
    }
    const bareMedian = median(samples.bare);
    return {
      pages: {
        login: '/login at 375×740',
        report: '/cases/new at 375×740 as the demo inspector',
        map: '/map at 1440×900 as the demo street leader',
      },
      runs,
      bare: bareMedian,
      login: median(samples.login),
      report: median(samples.report),
      map: median(samples.map),
      reportVsBareMs: round(median(samples.report).firstRenderMs - bareMedian.firstRenderMs, 0),
      targetReportJsGzipKB: 300,
    };
  } finally {
    await browser.close();
    bare.close();
    server.kill('SIGTERM');
  }
}

/** What the page reports of its own load (resource timing), read after the network went quiet. */
interface PageTiming {
  markerAt: number;
  fcp: number;
  entries: { name: string; start: number; encoded: number; decoded: number }[];
}

async function measure(
  browser: Browser,
  options: BrowserContextOptions,
  url: string,
  marker: string,
  before?: (page: Page) => Promise<void>,
): Promise<Load> {
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    if (before) await before(page);
    // The moment the marker first enters the DOM, on the page's own clock, so that scripts can be split into those
    // requested before the first useful render and those fetched after it (lazy chunks such as the map).
    // (Page code as text: this project is compiled for Node, without the DOM's types.)
    await page.addInitScript(`
      new MutationObserver((_, observer) => {
        if (window.__markerAt === undefined && document.querySelector(${JSON.stringify(marker)})) {
          window.__markerAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true });
    `);
    const bodies = new Map<string, Promise<{ raw: number; gzip: number }>>();
    page.on('response', (res) => {
      if (res.request().resourceType() !== 'script') return;
      bodies.set(
        res.url(),
        res.body().then(
          (b) => ({ raw: b.length, gzip: gzipSync(b).length }),
          () => ({ raw: 0, gzip: 0 }),
        ),
      );
    });
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator(marker).first().waitFor({ state: 'visible', timeout: 60_000 });
    const firstRenderMs = Date.now() - t0;
    await page.waitForLoadState('networkidle');
    const timing = await page.evaluate<PageTiming>(`({
      markerAt: window.__markerAt ?? Infinity,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
      entries: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map(
        (e) => ({ name: e.name, start: e.startTime, encoded: e.encodedBodySize, decoded: e.decodedBodySize }),
      ),
    })`);
    const scripts = await Promise.all(
      [...bodies].map(async ([u, body]) => ({
        // Hashes dropped: the names stay comparable from one build to the next.
        name: (u.split('/').pop() ?? '').replace(/-[\w-]{8}\.js$/, ''),
        start: timing.entries.find((e) => e.name === u)?.start ?? Infinity,
        ...(await body),
      })),
    );
    const atRender = scripts.filter((s) => s.start < timing.markerAt);
    const kb = (n: number) => round(n / 1024, 1);
    const sum = (list: { raw: number; gzip: number }[], k: 'raw' | 'gzip') =>
      kb(list.reduce((s, x) => s + x[k], 0));
    const largest = [...scripts]
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 5)
      .map((x) => `${x.name} ${kb(x.gzip)}${x.start < timing.markerAt ? '' : ' (after render)'}`);
    return {
      jsGzipKB: sum(atRender, 'gzip'),
      jsRawKB: sum(atRender, 'raw'),
      scripts: atRender.length,
      jsGzipKBIdle: sum(scripts, 'gzip'),
      transferKB: kb(timing.entries.reduce((s, e) => s + e.encoded, 0)),
      uncompressedKB: kb(timing.entries.reduce((s, e) => s + e.decoded, 0)),
      firstRenderMs,
      fcpMs: round(timing.fcp, 0),
      largest,
    };
  } finally {
    await context.close();
  }
}

function median(loads: Load[]): Load {
  const pick = (k: Exclude<keyof Load, 'largest'>) => {
    const sorted = loads.map((l) => l[k]).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  };
  return {
    jsGzipKB: pick('jsGzipKB'),
    jsRawKB: pick('jsRawKB'),
    scripts: pick('scripts'),
    jsGzipKBIdle: pick('jsGzipKBIdle'),
    transferKB: pick('transferKB'),
    uncompressedKB: pick('uncompressedKB'),
    firstRenderMs: pick('firstRenderMs'),
    fcpMs: pick('fcpMs'),
    largest: loads.at(-1)?.largest ?? [],
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/** The bare page's server: plain files, no compression, like the real server's static files. */
export function serveStatic(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(join(root, (req.url ?? '/').split('?')[0]!));
    const file =
      path.startsWith(root) && statSync(path, { throwIfNoEntry: false })?.isFile()
        ? path
        : join(root, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
