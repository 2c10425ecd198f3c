import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { build } from 'vite';
import { ROOT_DIR } from '../apps/server/src/core/config';
import { serveStatic } from './bench-first-load';
import { start } from './bench-util';
import { round } from './http-load';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/lib/chromium.mjs';

const DEMO_PASSWORD = 'Wangge@2026';
const FULL_HD = { width: 1920, height: 1080 };
const EVENTS_PER_SECOND = 20;

interface Sample {
  atS: number;
  heapMB: number;
  nodes: number;
  listeners: number;
}

/**
 * The 大屏's memory over a long run (issue 12): the screen open in headless Chromium as the demo street leader while
 * 20 case events a second arrive (reports by the street's inspector, each one event on the live stream), beside a
 * bare Vite + React page open in the same browser for the same time. Before each sample both pages' garbage is
 * collected (CDP HeapProfiler.collectGarbage), then the used JS heap, DOM nodes and JS event listeners are read.
 * The server's resident memory is read from /proc at the start and the end.
 */
export async function benchScreen(dir: string, seconds: number) {
  const webOut = await webBuild(dir);
  const bareOut = join(dir, 'bare-vite-screen');
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
      join(dir, 'screen.db'),
      '--port',
      String(port),
    ],
    {
      ...process.env,
      DATABASE_URL: '',
      WANGGE_DATA_DIR: dir,
      WANGGE_WEB_DIST: webOut,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    /Wangge: http/,
  );
  const bare = await serveStatic(bareOut);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const base = `http://127.0.0.1:${port}`;
  try {
    const screen = await openScreen(browser, base);
    const barePage = await (await browser.newContext({ viewport: FULL_HD })).newPage();
    await barePage.goto(`http://127.0.0.1:${(bare.address() as { port: number }).port}/`);
    await barePage.locator('[data-testid="bare"]').waitFor();
    const pages = {
      screen: { page: screen.page, cdp: await cdpOf(screen.page), samples: [] as Sample[] },
      bare: { page: barePage, cdp: await cdpOf(barePage), samples: [] as Sample[] },
    };
    const rss = () => serverRssMB(server.pid);
    const rssStart = rss();
    const t0 = Date.now();
    const sampleAll = async () => {
      for (const p of Object.values(pages))
        p.samples.push(await sample(p.cdp, (Date.now() - t0) / 1000));
    };
    await sampleAll();

    const driver = await reportDriver(base);
    const every = Math.max(5, Math.round(seconds / 20)) * 1000;
    const sampler = setInterval(() => void sampleAll(), every);
    await driver.run(seconds);
    clearInterval(sampler);
    // Let the last refetch land, then the final sample.
    await new Promise((r) => setTimeout(r, 7_000));
    await sampleAll();
    // Compiled code and caches fill in during the first minute (10 s in --quick); growth after that is what leaks.
    const warmupS = Math.min(60, seconds / 3);
    const figures = (samples: Sample[]) => {
      const first = samples[0]!;
      const last = samples.at(-1)!;
      const warm = samples.find((s) => s.atS >= warmupS) ?? first;
      return {
        heapStartMB: first.heapMB,
        heapAfterWarmupMB: warm.heapMB,
        heapEndMB: last.heapMB,
        heapGrowthAfterWarmupMB: round(last.heapMB - warm.heapMB, 2),
        heapMaxMB: Math.max(...samples.map((s) => s.heapMB)),
        heapGrowthMB: round(last.heapMB - first.heapMB, 2),
        domNodesStartEnd: [first.nodes, last.nodes],
        listenersStartEnd: [first.listeners, last.listeners],
      };
    };
    return {
      page: '/screen at 1920×1080 as the demo street leader (jd_leader)',
      seconds,
      eventsPerSecondTarget: EVENTS_PER_SECOND,
      events: driver.counts(),
      summaryRefetches: screen.refetches(),
      liveState: await screen.page.getByTestId('screen-live').getAttribute('data-state'),
      screen: figures(pages.screen.samples),
      bare: figures(pages.bare.samples),
      serverRssMB: { start: rssStart, end: rss() },
      // Every sample of the screen's heap, "seconds:MB", to see a trend rather than two points.
      samples: pages.screen.samples.map((s) => `${round(s.atS, 0)}:${s.heapMB}`).join(' '),
    };
  } finally {
    await browser.close();
    bare.close();
    server.kill('SIGTERM');
  }
}

/** The web app built once into the run's folder (or WANGGE_WEB_DIST when it already holds a build). */
async function webBuild(dir: string): Promise<string> {
  const given = process.env.WANGGE_WEB_DIST;
  if (given && existsSync(join(given, 'index.html'))) return given;
  const out = join(dir, 'web-dist');
  const webDir = join(ROOT_DIR, 'apps/web');
  await build({
    root: webDir,
    configFile: join(webDir, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true },
  });
  return out;
}

async function openScreen(browser: Browser, base: string) {
  const context = await browser.newContext({ viewport: FULL_HD, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const login = await page.request.post(`${base}/api/auth/login`, {
    data: { username: 'jd_leader', password: DEMO_PASSWORD },
  });
  if (!login.ok()) throw new Error(`bench login: ${login.status()} ${await login.text()}`);
  let refetches = 0;
  page.on('response', (res) => {
    if (res.url().includes('/api/screen/summary')) refetches++;
  });
  await page.goto(`${base}/screen`);
  await page.locator('[data-testid="screen-live"][data-state="live"]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="screen-map"][data-reports]').waitFor({ timeout: 60_000 });
  return { page, refetches: () => refetches };
}

async function cdpOf(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

async function sample(cdp: CDPSession, atS: number): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    atS,
    heapMB: round(heap.usedSize / 1048576, 2),
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
  };
}

/** Reports by the demo inspector at 20 a second, each one a case event the street leader's stream carries. */
async function reportDriver(base: string) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'inspector', password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`inspector login: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
  const grids = (
    (await (await fetch(`${base}/api/areas/tree?level=grid`, { headers })).json()) as {
      items: { id: string }[];
    }
  ).items.slice(0, 10);
  const centres: [number, number][] = [];
  for (const g of grids)
    centres.push(
      (
        (await (await fetch(`${base}/api/areas/${g.id}`, { headers })).json()) as {
          center: [number, number];
        }
      ).center,
    );
  let sent = 0;
  let ok = 0;
  let failed = 0;
  let inFlight = 0;
  let dropped = 0;
  const one = async (i: number) => {
    const [lng, lat] = centres[i % centres.length]!;
    inFlight++;
    try {
      const res = await fetch(`${base}/api/cases`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          lng: lng + ((i % 7) - 3) * 0.0002,
          lat: lat + ((i % 5) - 2) * 0.0002,
          crs: 'wgs84',
          address: `压测路 ${i} 号`,
          description: '压测上报',
          classCode: '06010',
        }),
      });
      if (res.status === 201) ok++;
      else failed++;
      await res.arrayBuffer();
    } catch {
      failed++;
    } finally {
      inFlight--;
    }
  };
  return {
    async run(seconds: number) {
      const t0 = Date.now();
      // Paced by the clock, not by answers: a slow answer does not slow the stream (bounded in flight).
      while (Date.now() - t0 < seconds * 1000) {
        const due = Math.floor(((Date.now() - t0) / 1000) * EVENTS_PER_SECOND);
        while (sent < due) {
          if (inFlight >= 50) {
            dropped++;
            sent++;
            continue;
          }
          void one(sent++);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 50));
    },
    counts: () => ({ sent, created: ok, failed, skippedWhileBusy: dropped }),
  };
}

function serverRssMB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? round(Number(kb) / 1024, 1) : null;
  } catch {
    return null;
  }
}
