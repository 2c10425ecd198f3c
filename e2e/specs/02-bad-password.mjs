import { assert, fetchJson } from '../lib/util.mjs';

export const name = 'bad password';

export async function run(ctx) {
  const page = await ctx.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto('/login');
  // Not admin: repeated runs must not lock the account the other specs use.
  await page.locator('#username').fill('observer');
  await page.locator('#password').fill('not-the-password');
  await page.getByTestId('login-submit').click();

  // antd shows API errors as a message toast; accept an inline alert or form error too.
  const error = page
    .locator(
      '.ant-message-notice-error, .ant-message-error, .ant-alert-error, .ant-form-item-explain-error, [role="alert"]',
    )
    .filter({ hasText: /\S/ })
    .first();
  await error.waitFor({ state: 'visible', timeout: 10_000 });
  const text = (await error.textContent())?.trim();
  assert(text, 'the error message is empty');
  await page.waitForTimeout(500); // let the toast finish fading in; would a redirect still happen?
  await ctx.screenshot(page, 'desktop-login-bad-password');

  assert(new URL(page.url()).pathname.startsWith('/login'), `left the login page: ${page.url()}`);
  assert(await page.locator('#username').isVisible(), 'the login form is gone');
  const me = await fetchJson(page, '/api/auth/me');
  assert(
    me.status === 401,
    `GET /api/auth/me answered ${me.status} after a failed login (expected 401)`,
  );
  ctx.note(`error shown: ${text}`);
}
