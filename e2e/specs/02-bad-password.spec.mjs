import { expect, note, screenshot, test } from '../lib/fixtures.mjs';

test.use({ viewport: { width: 1280, height: 800 } });

test('a wrong password shows an error and keeps the login page', async ({ page }) => {
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
  await expect(error).toBeVisible({ timeout: 10_000 });
  note(`error shown: ${(await error.textContent())?.trim()}`);
  await page.waitForTimeout(500); // let the toast finish fading in; would a redirect still happen?
  await screenshot(page, 'desktop-login-bad-password');

  await expect(page).toHaveURL(/\/login/);
  await expect(page.locator('#username')).toBeVisible();
  const me = await page.request.get('/api/auth/me');
  expect(me.status(), 'GET /api/auth/me after a failed login').toBe(401);
});
