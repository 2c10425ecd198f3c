import { expect, login, screenshot, test } from '../lib/fixtures.mjs';

// The paths the security hardening changed, walked as their users would: an administrator's API token, a community
// leader revealing a grid worker's phone with a reason, a clear export that asks why, and a locked account that an
// administrator unlocks while the login page answers it like any wrong password.

test.describe('administrator', () => {
  test.use({ user: 'admin' });

  test('an administrator creates a read-only API token that expires, and sees its secret once', async ({
    page,
  }) => {
    await page.goto('/account/tokens');
    await page.getByTestId('token-name').fill('12345 热线对接');
    await page.getByTestId('token-create').click();
    await expect(page.getByTestId('token-secret')).toContainText(/wg_\S{20,}/);
    const secret = (await page.getByTestId('token-secret').textContent()).match(/wg_\S+/)[0];
    const table = page.getByTestId('tokens-table');
    await expect(table).toContainText('12345 热线对接');
    await expect(table, 'the token list shows an expiry date').toContainText(
      /\d{4}[-/]\d{2}[-/]\d{2}/,
    );
    await screenshot(page, 'security-token-created');

    const list = await (await page.request.get('/api/auth/tokens')).json();
    const token = list.items.find((x) => x.name === '12345 热线对接');
    expect(token?.expiresAt, 'the token’s expiry').toBeTruthy();
    expect(
      token.permissions.filter((p) => !p.endsWith('.read')),
      'the token’s permissions other than .read',
    ).toEqual([]);
    // The secret is shown once: a reload lists the token without it.
    await page.reload();
    await expect(table).toContainText('12345 热线对接');
    expect(await page.content(), 'the page after a reload').not.toContain(secret);
  });
});

test.describe('community leader on a phone', () => {
  test.use({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
    user: 'sq_leader',
  });

  test('a community leader on a phone sees grid staff phones masked and reveals one with a reason', async ({
    page,
  }) => {
    await page.goto('/areas');
    await expect(page.getByTestId('area-tree')).toBeVisible();
    // Open the community and pick its first grid.
    await page.locator('.ant-tree-switcher').first().click();
    const grid = page
      .locator('[data-code]')
      .filter({ hasText: /\d{14}/ })
      .first();
    await grid.click();
    const masked = page.getByTestId('staff-phone').first();
    await expect(masked).toContainText(/1\d\d\*{4}\d{4}/);
    await expect(page.getByTestId('staff-phone'), 'a phone shown in full').not.toContainText([
      /1\d{10}/,
    ]);
    await page.getByTestId('staff-phone-unmask').first().click();
    await page.getByTestId('unmask-reason').fill('联系网格员核实群众诉求');
    await page.getByTestId('unmask-submit').click();
    await expect(page.getByTestId('staff-phone-full')).toHaveText(/^\D*1\d{10}\D*$/);
    await screenshot(page, 'security-staff-phone-revealed');
    expect((await page.request.get('/api/auth/me')).status(), 'the session is still on').toBe(200);
  });
});

test.describe('street leader', () => {
  test.use({ user: 'jd_leader' });

  test('a street leader’s clear export asks why before it downloads', async ({ page }) => {
    await page.goto('/persons');
    await page.getByTestId('persons-export-full').click();
    const dialog = page.getByRole('dialog');
    await expect(page.getByTestId('unmask-reason')).toBeVisible();
    await expect(dialog).toBeVisible();
    // antd's own buttons speak the UI's language too.
    await expect(dialog, 'the dialog’s cancel button is in Chinese').toContainText(/取\s*消/);
    await page.waitForTimeout(400); // the dialog's opening animation, for the picture
    await screenshot(page, 'security-export-reason');
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await page.getByTestId('unmask-reason').fill('年度人口核查上报');
    await page.getByTestId('unmask-submit').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  });
});

test('a locked account answers like a wrong password, and an administrator unlocks it', async ({
  page,
}) => {
  // Five wrong passwords from this browser lock g003_admin for others. After three, the same name from the same
  // address must wait 1 s, 2 s, 4 s … between attempts.
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  const tryLogin = (username, password) =>
    page.request.post('/api/auth/login', { data: { username, password } });
  for (let i = 0; i < 5; i++) {
    if (i >= 3) await pause(1_000 * 2 ** (i - 3) + 300);
    expect((await tryLogin('g003_admin', `wrong-${i}`)).status(), `wrong password ${i}`).toBe(401);
  }
  await pause(4_300);
  const locked = await tryLogin('g003_admin', 'Wangge@2026');
  const unknown = await tryLogin('no_such_user_e2e', 'Wangge@2026');
  expect(locked.status(), 'the locked account’s status like an unknown name’s').toBe(
    unknown.status(),
  );
  expect(await locked.json(), 'the locked account’s answer like an unknown name’s').toEqual(
    await unknown.json(),
  );

  await login(page, 'admin');
  await page.goto('/users');
  const search = page
    .locator('input[data-testid="users-search"], [data-testid="users-search"] input')
    .first();
  await search.fill('g003_admin');
  await search.press('Enter');
  await expect(page.getByTestId('users-table')).toContainText('g003_admin');
  await page
    .getByRole('button', { name: /解除锁定/ })
    .first()
    .click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await expect(page.locator('body')).toContainText('已解除锁定');
  await screenshot(page, 'security-unlocked');
  // The unlock lifts the account lock; this address still waits out its delay for the name (8 s after the sixth try).
  await expect
    .poll(async () => (await tryLogin('g003_admin', 'Wangge@2026')).status(), {
      message: 'the right password after the unlock',
      intervals: [1_000],
      timeout: 12_000,
    })
    .toBe(200);
});
