#!/usr/bin/env node
// Browser tests for Wangge. Plain Node ESM so it runs without a TypeScript loader.
//
//   node e2e/run.mjs            run every spec in e2e/specs/*.mjs
//   node e2e/run.mjs phone      run only specs whose file name contains "phone"
//   node e2e/run.mjs --rebuild  rebuild apps/web/dist first (otherwise the server builds it only if missing)
//
// Starts `wangge demo --serve` on a free port with a throwaway database, drives Debian's
// /usr/bin/chromium through playwright-core, and fails any test during which the page asked
// for a URL other than the test server or whose console showed a Content-Security-Policy violation
// (every page is loaded under the server's real CSP). Last line of output: `e2e: N passed, N failed`.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/chromium.mjs';

const E2E_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT_DIR = join(E2E_DIR, '..');
const SPECS_DIR = join(E2E_DIR, 'specs');
const SCREENSHOT_DIR = join(E2E_DIR, 'screenshots');
const PASSWORD = 'Wangge@2026';

const SERVER_START_TIMEOUT_MS = 180_000; // the first run may build the web app
const TEST_TIMEOUT_MS = 60_000;
const TOTAL_TIMEOUT_MS = 8 * 60_000; // hard ceiling for the whole run
const ACTION_TIMEOUT_MS = 15_000;
const NAVIGATION_TIMEOUT_MS = 30_000;

const args = process.argv.slice(2);
const rebuild = args.includes('--rebuild');
const filters = args.filter((a) => !a.startsWith('--'));

const results = []; // { name, ok, ms, error }
let server = null;
let serverLog = '';
let browser = null;
let tmpDir = null;
let finished = false;

function log(line) {
  process.stdout.write(`${line}\n`);
}

function errorText(err) {
  const strip = (t) => t.replace(/\u001b\[[0-9;]*m/g, '');
  if (err instanceof Error)
    return strip(err.message)
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, 12)
      .join('\n');
  return strip(String(err));
}

function record(name, ok, ms, error, notes = []) {
  results.push({ name, ok, ms, error });
  const status = ok ? 'PASS' : 'FAIL';
  log(`${status}  ${name}  (${(ms / 1000).toFixed(1)} s)`);
  for (const note of notes) log(`      ${note}`);
  if (!ok && error) log(`      ${errorText(error).replace(/\n/g, '\n      ')}`);
}

async function cleanup() {
  if (browser) {
    const b = browser;
    browser = null;
    await Promise.race([b.close().catch(() => {}), sleep(5_000)]);
  }
  await stopServer();
  if (tmpDir) {
    try {
      rmSync(tmpDir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
    tmpDir = null;
  }
}

function serverRunning() {
  return server !== null && server.exitCode === null && server.signalCode === null;
}

function signalServer(signal) {
  // The server runs in its own process group (detached) so a web build it started dies with it.
  try {
    process.kill(-server.pid, signal);
  } catch {
    try {
      server.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** SIGTERM, then SIGKILL if it is still there after a few seconds. */
async function stopServer() {
  if (!serverRunning()) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  signalServer('SIGTERM');
  await Promise.race([exited, sleep(5_000)]);
  if (serverRunning()) signalServer('SIGKILL');
}

async function finish(extraFailure) {
  if (finished) return;
  finished = true;
  if (extraFailure) record(extraFailure.name, false, 0, extraFailure.error);
  await cleanup();
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || results.length === 0 ? 1 : 0);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function isLocalUrl(url, port) {
  if (/^(data|blob|about|chrome|chrome-error|devtools):/i.test(url)) return true;
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) return false;
  // Only our own server: another local port would be just as unexpected in a deployed app.
  return u.port === String(port);
}

async function startServer(port) {
  tmpDir = mkdtempSync(join(tmpdir(), 'wangge-e2e-'));
  const db = join(tmpDir, 'demo.db');
  server = spawn(
    process.execPath,
    [
      join(ROOT_DIR, 'apps/server/bin/wangge.mjs'),
      'demo',
      '--serve',
      '--db',
      db,
      '--port',
      String(port),
    ],
    {
      cwd: ROOT_DIR,
      env: {
        ...process.env,
        WANGGE_DATA_DIR: tmpDir,
        LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
        NODE_ENV: process.env.NODE_ENV || 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const keep = (chunk) => {
    serverLog += chunk.toString();
    if (serverLog.length > 200_000) serverLog = serverLog.slice(-100_000);
  };
  server.stdout.on('data', keep);
  server.stderr.on('data', keep);
  let exited = null;
  server.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited)
      throw new Error(
        `server exited early (code ${exited.code}, signal ${exited.signal})\n${serverLog.slice(-3000)}`,
      );
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) {
        const body = await res.json().catch(() => null);
        if (body?.status === 'ok') return baseUrl;
      }
    } catch {
      /* not up yet */
    }
    await sleep(500);
  }
  throw new Error(
    `server not healthy after ${SERVER_START_TIMEOUT_MS / 1000} s\n${serverLog.slice(-3000)}`,
  );
}

/** The per-run context handed to specs. Tracks pages, external requests and page errors. */
function createContext(baseUrl, port) {
  const external = []; // { url, test }
  const pageErrors = []; // { message, test }
  let current = { name: '(setup)', contexts: [], external: [], pageErrors: [], csp: [], notes: [] };

  async function newPage(options = {}) {
    const owner = current;
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      serviceWorkers: 'block',
      ...options,
    });
    owner.contexts.push(context);
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    const flag = (url) => {
      if (isLocalUrl(url, port)) return false;
      if (!owner.external.includes(url)) owner.external.push(url);
      if (!external.some((e) => e.url === url)) external.push({ url, test: owner.name });
      return true;
    };
    // Record and refuse anything that is not our server.
    await context.route(
      () => true,
      (route) => (flag(route.request().url()) ? route.abort('blockedbyclient') : route.continue()),
    );
    context.on('request', (req) => flag(req.url()));
    // The browser reports a blocked load or inline style/script as a console error; the event makes
    // sure every violation is reported, also those a page handles without logging.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(
          `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`,
        ),
      );
    });
    const cspViolation = (text) => {
      if (!owner.csp.includes(text)) owner.csp.push(text);
    };
    const page = await context.newPage();
    page.on('console', (msg) => {
      const text = msg.text();
      if (msg.type() === 'error' && /Content Security Policy|CSP violation/i.test(text))
        cspViolation(text.slice(0, 300));
    });
    // Pages must be served under the CSP, or a clean console would prove nothing.
    page.on('response', (res) => {
      if (
        res.request().resourceType() === 'document' &&
        isLocalUrl(res.url(), port) &&
        !res.headers()['content-security-policy']
      )
        cspViolation(`no Content-Security-Policy header on ${res.url()}`);
    });
    page.on('websocket', (ws) => flag(ws.url()));
    page.on('pageerror', (err) => {
      const message = errorText(err);
      owner.pageErrors.push(message);
      pageErrors.push({ message, test: owner.name });
    });
    return page;
  }

  async function login(page, username, password = PASSWORD) {
    await page.goto('/login');
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), {
      timeout: NAVIGATION_TIMEOUT_MS,
    });
  }

  async function screenshot(page, name) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await page.screenshot({ path: file, fullPage: false, timeout: ACTION_TIMEOUT_MS });
    return file;
  }

  /** Waits for the map's grid layer and returns the grid count it reports. */
  async function waitForGrids(page, timeout = 60_000) {
    const map = page.locator('[data-testid="map"][data-grids-loaded]');
    await map.waitFor({ state: 'attached', timeout });
    return Number(await map.getAttribute('data-grids-loaded'));
  }

  return {
    baseUrl,
    port,
    password: PASSWORD,
    get browser() {
      return browser;
    },
    newPage,
    login,
    screenshot,
    waitForGrids,
    external,
    pageErrors,
    /** A line printed under the current test's result. */
    note(text) {
      current.notes.push(String(text));
    },
    setCurrent(next) {
      current = next;
    },
  };
}

/** Runs fn as the test `name`: its own pages, a time limit, screenshots on failure. */
async function runTest(ctx, name, fn) {
  const state = { name, contexts: [], external: [], pageErrors: [], csp: [], notes: [] };
  ctx.setCurrent(state);
  const started = Date.now();
  let error = null;
  try {
    await withTimeout(Promise.resolve().then(fn), TEST_TIMEOUT_MS, `test "${name}"`);
    if (state.external.length > 0)
      error = new Error(
        `requested URL(s) outside the test server: ${state.external.slice(0, 5).join(', ')}`,
      );
    else if (state.csp.length > 0)
      error = new Error(
        `Content-Security-Policy violation(s):\n${state.csp.slice(0, 5).join('\n')}`,
      );
  } catch (err) {
    error = err;
  }
  // On failure keep a picture of every page the test had open.
  if (error) {
    let i = 0;
    for (const c of state.contexts) {
      for (const p of c.pages()) {
        await ctx.screenshot(p, `FAILED-${name}-${i++}`).catch(() => {});
      }
    }
  }
  await Promise.all(
    state.contexts.map((c) =>
      withTimeout(c.close(), 10_000, 'closing the browser context').catch(() => {}),
    ),
  );
  return { name, ok: !error, ms: Date.now() - started, error, notes: state.notes };
}

async function main() {
  const hardStop = setTimeout(() => {
    log(`e2e: giving up after ${TOTAL_TIMEOUT_MS / 60_000} minutes`);
    void finish({ name: 'whole run finished in time', error: new Error('hard timeout reached') });
  }, TOTAL_TIMEOUT_MS);
  hardStop.unref();

  if (!existsSync(CHROMIUM_PATH)) {
    log(
      `e2e: ${CHROMIUM_PATH} not found — install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`,
    );
    await finish({ name: 'chromium available', error: new Error(`${CHROMIUM_PATH} is missing`) });
    return;
  }

  // Without a CJK font the screenshots show boxes instead of Chinese (the tests still work).
  try {
    const zh = execFileSync('fc-list', [':lang=zh', 'family'], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    if (!zh.trim())
      log(
        'e2e: warning: no Chinese font installed (apt-get install -y fonts-wqy-zenhei); screenshots will show boxes',
      );
  } catch {
    /* no fontconfig tools: nothing to say */
  }

  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (err) {
    await finish({ name: 'playwright-core available', error: err });
    return;
  }

  const specFiles = readdirSync(SPECS_DIR)
    .filter((f) => f.endsWith('.mjs'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  if (specFiles.length === 0) {
    await finish({
      name: 'specs found',
      error: new Error(`no spec in ${SPECS_DIR} matches ${filters.join(' ')}`),
    });
    return;
  }

  if (rebuild) {
    log('e2e: rebuilding the web app…');
    try {
      execFileSync('npm', ['run', 'build', '-w', 'apps/web'], {
        cwd: ROOT_DIR,
        stdio: ['ignore', 'ignore', 'inherit'],
        timeout: 240_000,
      });
    } catch (err) {
      await finish({ name: 'web app builds', error: err });
      return;
    }
  }

  // Screenshots are per run: drop the previous run's (including its FAILED-* pictures).
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  const port = await freePort();
  log(`e2e: starting the demo server on port ${port}…`);
  let baseUrl;
  try {
    baseUrl = await startServer(port);
  } catch (err) {
    await finish({ name: 'demo server starts', error: err });
    return;
  }
  log(`e2e: server up at ${baseUrl}`);

  try {
    browser = await withTimeout(
      chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
        headless: true,
        timeout: 30_000,
      }),
      40_000,
      'launching chromium',
    );
  } catch (err) {
    await finish({ name: 'chromium launches', error: err });
    return;
  }

  const ctx = createContext(baseUrl, port);

  for (const file of specFiles) {
    let spec;
    try {
      spec = await import(pathToFileURL(join(SPECS_DIR, file)).href);
    } catch (err) {
      record(file, false, 0, err);
      continue;
    }
    const specName = spec.name || file;
    if (typeof spec.run !== 'function') {
      record(specName, false, 0, new Error(`${file} does not export run(ctx)`));
      continue;
    }
    // A spec registers tests with ctx.test(name, fn) while run(ctx) runs; a spec that
    // registers none is a single test itself (run(ctx) is its body).
    const tests = [];
    const specCtx = {
      ...ctx,
      test: (name, fn) => void tests.push({ name: `${specName} › ${name}`, fn }),
    };
    Object.defineProperty(specCtx, 'browser', { get: () => browser });
    const direct = await runTest(ctx, specName, () => spec.run(specCtx));
    // The registration pass of a multi-test spec is not a result of its own unless it failed.
    if (!direct.ok || tests.length === 0)
      record(direct.name, direct.ok, direct.ms, direct.error, direct.notes);
    if (!direct.ok) continue;
    for (const t of tests) {
      const r = await runTest(ctx, t.name, () => t.fn(specCtx));
      record(r.name, r.ok, r.ms, r.error, r.notes);
    }
  }

  // Global checks over everything above.
  if (ctx.external.length === 0) record('no requests outside localhost', true, 0);
  else
    record(
      'no requests outside localhost',
      false,
      0,
      new Error(
        ctx.external
          .slice(0, 10)
          .map((e) => `${e.url}  (in "${e.test}")`)
          .join('\n'),
      ),
    );
  if (ctx.pageErrors.length === 0) record('no uncaught page errors', true, 0);
  else
    record(
      'no uncaught page errors',
      false,
      0,
      new Error(
        ctx.pageErrors
          .slice(0, 10)
          .map((e) => `${e.message}  (in "${e.test}")`)
          .join('\n'),
      ),
    );

  await finish();
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => void finish({ name: 'interrupted', error: new Error(`received ${sig}`) }));
}
// Last resort if the runner dies some other way: never leave a server behind.
process.on('exit', () => {
  if (serverRunning()) signalServer('SIGKILL');
});
process.on('unhandledRejection', (err) => {
  log(`e2e: unhandled rejection: ${errorText(err)}`);
});

main().catch((err) => finish({ name: 'runner', error: err }));
