import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { ROOT_DIR } from '../apps/server/src/core/config';
import { serveStatic } from './bench-first-load';
import { start } from './bench-util';
import { round } from './http-load';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/lib/chromium.mjs';

const PHONE = {
  viewport: { width: 375, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};
const DEMO_PASSWORD = 'Wangge@2026';
// Lighthouse's mobile profile: 4× CPU slowdown, "slow 4G" (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up).
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

interface ShellLoad {
  /** JS and CSS the page loaded until the network went quiet, gzip-compressed here (what a gzip server sends). */
  jsCssGzipKB: number;
  files: number;
  /** Navigation start → the marker visible and a task posted after it ran (the main thread free to answer input). */
  interactiveMs: number;
}

/**
 * The field app's shell (docs/field-app.md): JS+CSS transferred and time to interactive on a throttled phone, beside
 * the staff app's login page and a bare React page in the same run. Target: the shell under 250 KB gzip.
 */
export async function benchFieldApp(dir: string, runs: number) {
  const webDir = join(ROOT_DIR, 'apps/web');
  const dist = join(dir, 'field-web');
  // Both apps built into this run's folder (the configs read WANGGE_WEB_DIST), not over apps/web/dist.
  const before = process.env.WANGGE_WEB_DIST;
  process.env.WANGGE_WEB_DIST = dist;
  try {
    await build({ root: webDir, configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
    await build({ configFile: join(webDir, 'vite.field.config.ts'), logLevel: 'warn' });
  } finally {
    if (before === undefined) delete process.env.WANGGE_WEB_DIST;
    else process.env.WANGGE_WEB_DIST = before;
  }
  const bareOut = join(dir, 'field-bare');
  await build({
    root: join(ROOT_DIR, 'bench/bare-vite'),
    configFile: false,
    logLevel: 'warn',
    build: { outDir: bareOut, emptyOutDir: true },
  });
  const port = 20000 + Math.floor(Math.random() * 1000);
  const server = await start(
    process.execPath,
    [
      join(ROOT_DIR, 'apps/server/bin/wangge.mjs'),
      'demo',
      '--serve',
      '--db',
      join(dir, 'field-app.db'),
      '--port',
      String(port),
    ],
    {
      ...process.env,
      DATABASE_URL: '',
      WANGGE_DATA_DIR: dir,
      WANGGE_WEB_DIST: dist,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    /Wangge: http/,
  );
  const bare = await serveStatic(bareOut);
  const barePort = (bare.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const base = `http://127.0.0.1:${port}`;
  const signedIn = async (page: Page) => {
    const res = await page.request.post(`${base}/api/auth/login`, {
      data: { username: 'inspector', password: DEMO_PASSWORD },
    });
    if (!res.ok()) throw new Error(`bench login: ${res.status()}`);
  };
  try {
    const samples: Record<'bare' | 'fieldLogin' | 'fieldReport' | 'staffLogin', ShellLoad[]> = {
      bare: [],
      fieldLogin: [],
      fieldReport: [],
      staffLogin: [],
    };
    for (let i = 0; i < runs; i++) {
      samples.bare.push(
        await measure(browser, `http://127.0.0.1:${barePort}/`, '[data-testid="bare"]'),
      );
      samples.fieldLogin.push(await measure(browser, `${base}/field/`, '#field-username'));
      samples.fieldReport.push(
        await measure(browser, `${base}/field/`, '[data-testid="category-search"]', signedIn),
      );
      samples.staffLogin.push(await measure(browser, `${base}/login`, '#username'));
    }
    const bareMedian = median(samples.bare);
    const report = median(samples.fieldReport);
    return {
      profile: '375×740, 4× CPU slowdown, slow 4G (150 ms RTT, 1.6 Mbit/s)',
      pages: {
        fieldLogin: '/field/ signed out (the login screen)',
        fieldReport: '/field/ as the demo inspector (上报 with the category list)',
        staffLogin: 'the staff app’s /login',
      },
      runs,
      bare: bareMedian,
      fieldLogin: median(samples.fieldLogin),
      fieldReport: report,
      staffLogin: median(samples.staffLogin),
      fieldReportVsBareMs: round(report.interactiveMs - bareMedian.interactiveMs, 0),
      targetShellJsCssGzipKB: 250,
    };
  } finally {
    await browser.close();
    bare.close();
    server.kill('SIGTERM');
  }
}

async function measure(
  browser: Browser,
  url: string,
  marker: string,
  before?: (page: Page) => Promise<void>,
): Promise<ShellLoad> {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    if (before) await before(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const bodies: Promise<number>[] = [];
    page.on('response', (res) => {
      const type = res.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      bodies.push(
        res.body().then(
          (b) => gzipSync(b).length,
          () => 0,
        ),
      );
    });
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator(marker).first().waitFor({ state: 'visible', timeout: 120_000 });
    // A macrotask queued now runs once the page's start-up work is done: a tap would be answered from then on.
    await page.evaluate('new Promise((r) => setTimeout(r, 0))');
    const interactiveMs = Date.now() - t0;
    await page.waitForLoadState('networkidle');
    const sizes = await Promise.all(bodies);
    return {
      jsCssGzipKB: round(sizes.reduce((s, x) => s + x, 0) / 1024, 1),
      files: sizes.length,
      interactiveMs,
    };
  } finally {
    await context.close();
  }
}

function median(loads: ShellLoad[]): ShellLoad {
  const pick = (k: keyof ShellLoad) => {
    const sorted = loads.map((l) => l[k]).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  };
  return {
    jsCssGzipKB: pick('jsCssGzipKB'),
    files: pick('files'),
    interactiveMs: pick('interactiveMs'),
  };
}
