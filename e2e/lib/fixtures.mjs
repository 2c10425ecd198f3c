// What every spec imports instead of '@playwright/test': `test` with Wangge's fixtures, Playwright's `expect`, and a few
// helpers. e2e/README.md shows how to use them.
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';

export { expect };

/** Every demo account's password. */
export const PASSWORD = 'Wangge@2026';

/** A 375×740 phone; `test.use(PHONE)` or `newPage(PHONE)`. */
export const PHONE = {
  viewport: { width: 375, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

// E2E_SCREENSHOTS moves them elsewhere: several people running specs at once empty e2e/screenshots for each other.
const SCREENSHOT_DIR =
  process.env.E2E_SCREENSHOTS || join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

/** Logs in through the login form and waits until the app has left /login. */
export async function login(page, username, password = PASSWORD) {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Saves e2e/screenshots/<name>.png (the folder is emptied at the start of each run). */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Opens the map unless it is shown (users land on their own work, not the map), waits for its grid layer and
 * returns the number of grids it drew. */
export async function gridCount(page, timeout = 60_000) {
  if (!new URL(page.url()).pathname.startsWith('/map')) await page.goto('/map');
  const map = page.locator('[data-testid="map"][data-grids-loaded]');
  await expect(map).toBeAttached({ timeout });
  return Number(await map.getAttribute('data-grids-loaded'));
}

/** The page's width including anything that sticks out sideways (a phone page must stay ≤ 375). */
export async function scrollWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** A line printed under the test's result. */
export function note(text) {
  base.info().annotations.push({ type: 'note', description: String(text) });
}

function isTestServer(url, port) {
  if (/^(data|blob|about|chrome|chrome-error|devtools):/i.test(url)) return true;
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const host = u.hostname.replace(/^\[|\]$/g, '');
  // Only our own server: another local port would be just as unexpected in a deployed app.
  return ['127.0.0.1', 'localhost', '::1'].includes(host) && u.port === String(port);
}

/** Per test: what its browser contexts did that no page of ours may do. */
function createGuard(port) {
  const external = new Set();
  const csp = new Set();
  const pageErrors = [];
  const flag = (url) => {
    if (isTestServer(url, port)) return false;
    external.add(url);
    return true;
  };
  return {
    async watch(context) {
      // Record and refuse anything that is not our server.
      await context.route(
        () => true,
        (route) =>
          flag(route.request().url()) ? route.abort('blockedbyclient') : route.fallback(),
      );
      context.on('request', (req) => flag(req.url()));
      context.on('page', (page) => page.on('websocket', (ws) => flag(ws.url())));
      // The browser reports a blocked load or inline style/script as a console error; the event makes sure every
      // violation is reported, also those a page handles without logging.
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(
            `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`,
          ),
        );
      });
      context.on('console', (msg) => {
        const text = msg.text();
        if (msg.type() === 'error' && /Content Security Policy|CSP violation/i.test(text))
          csp.add(text.slice(0, 300));
      });
      // Pages must be served under the CSP, or a clean console would prove nothing.
      context.on('response', (res) => {
        if (
          res.request().resourceType() === 'document' &&
          isTestServer(res.url(), port) &&
          !res.headers()['content-security-policy']
        )
          csp.add(`no Content-Security-Policy header on ${res.url()}`);
      });
      context.on('weberror', (err) => pageErrors.push(err.error().message.split('\n')[0]));
    },
    problems() {
      const out = [];
      if (external.size > 0)
        out.push(
          `requested URL(s) outside the test server: ${[...external].slice(0, 5).join(', ')}`,
        );
      if (csp.size > 0)
        out.push(`Content-Security-Policy violation(s):\n${[...csp].slice(0, 5).join('\n')}`);
      if (pageErrors.length > 0)
        out.push(`uncaught page error(s):\n${pageErrors.slice(0, 5).join('\n')}`);
      return out;
    },
  };
}

/** On a failed test, a picture of each page it had open: e2e/screenshots/FAILED-<spec>-<test>-<n>.png. */
async function picturesOnFailure(contexts, guard, testInfo) {
  if (testInfo.status === testInfo.expectedStatus && guard.problems().length === 0) return;
  const title = [basename(testInfo.file, '.spec.mjs'), ...testInfo.titlePath.slice(1)].join(' ');
  for (const context of contexts) {
    for (const page of context.pages()) {
      const n = testInfo.annotations.filter(
        (a) => a.type === 'note' && /FAILED-/.test(a.description),
      ).length;
      const file = await screenshot(page, `FAILED-${title.slice(0, 100)}-${n}`).catch(() => null);
      if (file) note(`screenshot: ${relative(process.cwd(), file)}`);
    }
  }
}

export const test = base.extend({
  /** `test.use({ user: 'admin' })`: `page` starts logged in as that demo account (through the form). */
  user: [null, { option: true }],

  // Auto: every test fails if a page asked for a URL other than the test server, showed a Content-Security-Policy
  // violation, was served without a CSP header, or threw an uncaught error.
  _guard: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const guard = createGuard(process.env.WANGGE_E2E_PORT);
      await use(guard);
      const problems = guard.problems();
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
    { auto: true },
  ],

  context: async ({ context, _guard }, use, testInfo) => {
    await _guard.watch(context);
    await use(context);
    await picturesOnFailure([context], _guard, testInfo);
  },

  page: async ({ page, user }, use) => {
    if (user) await login(page, user);
    await use(page);
  },

  /** `await newPage(options)`: a page in a fresh context (own cookies) with the config's defaults plus `options`. */
  newPage: async ({ browser, _guard }, use, testInfo) => {
    const contexts = [];
    await use(async (options = {}) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      await _guard.watch(context);
      return context.newPage();
    });
    await picturesOnFailure(contexts, _guard, testInfo);
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
  },
});
