import { assert, fetchJson, waitForText } from '../lib/util.mjs';

export const name = 'security';

// The paths the security hardening changed, walked as their users would: an administrator's API token, a community
// leader revealing a grid worker's phone with a reason, a clear export that asks why, and a locked account that an
// administrator unlocks while the login page answers it like any wrong password.
export function run({ test }) {
  test('an administrator creates a read-only API token that expires, and sees its secret once', async (ctx) => {
    const page = await ctx.newPage({ viewport: { width: 1440, height: 900 } });
    await ctx.login(page, 'admin');
    await page.goto('/account/tokens');
    await page.getByTestId('token-name').fill('12345 热线对接');
    await page.getByTestId('token-create').click();
    const secret = await waitForText(page, '[data-testid="token-secret"]', /wg_\S{20,}/);
    const table = await waitForText(page, '[data-testid="tokens-table"]', /12345 热线对接/);
    assert(/\d{4}[-/]\d{2}[-/]\d{2}/.test(table), `the token list shows no expiry: ${table}`);
    await ctx.screenshot(page, 'security-token-created');

    const list = await fetchJson(page, '/api/auth/tokens');
    const token = list.body.items.find((x) => x.name === '12345 热线对接');
    assert(
      token && token.expiresAt && token.permissions.every((p) => p.endsWith('.read')),
      `token not read-only with an expiry: ${JSON.stringify(token)}`,
    );
    // The secret is shown once: a reload lists the token without it.
    await page.reload();
    await waitForText(page, '[data-testid="tokens-table"]', /12345 热线对接/);
    assert(
      !(await page.content()).includes(secret.match(/wg_\S+/)[0]),
      'the secret is still on the page after a reload',
    );
  });

  test('a community leader on a phone sees grid staff phones masked and reveals one with a reason', async (ctx) => {
    const page = await ctx.newPage({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    await ctx.login(page, 'sq_leader');
    await page.goto('/areas');
    await page.getByTestId('area-tree').waitFor();
    // Open the community and pick its first grid.
    await page.locator('.ant-tree-switcher').first().click();
    const grid = page
      .locator('[data-code]')
      .filter({ hasText: /\d{14}/ })
      .first();
    await grid.waitFor();
    await grid.click();
    const masked = await waitForText(page, '[data-testid="staff-phone"]', /1\d\d\*{4}\d{4}/);
    assert(!/1\d{10}/.test(masked), `a phone is shown in full: ${masked}`);
    await page.getByTestId('staff-phone-unmask').first().click();
    await page.getByTestId('unmask-reason').fill('联系网格员核实群众诉求');
    await page.getByTestId('unmask-submit').click();
    const full = await waitForText(page, '[data-testid="staff-phone-full"]', /1\d{10}/);
    assert(/^\D*1\d{10}\D*$/.test(full), `the revealed phone reads ${full}`);
    await ctx.screenshot(page, 'security-staff-phone-revealed');
    const audit = await fetchJson(page, '/api/auth/me');
    assert(audit.status === 200, 'the session ended');
  });

  test('a street leader’s clear export asks why before it downloads', async (ctx) => {
    const page = await ctx.newPage({ viewport: { width: 1440, height: 900 } });
    await ctx.login(page, 'jd_leader');
    await page.goto('/persons');
    await page.getByTestId('persons-export-full').click();
    await page.getByTestId('unmask-reason').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'visible' });
    await page.waitForTimeout(400); // the dialog's opening animation
    // antd's own buttons speak the UI's language too.
    assert(
      /取\s*消/.test(await page.getByRole('dialog').innerText()),
      'the dialog’s cancel button is not in Chinese',
    );
    await ctx.screenshot(page, 'security-export-reason');
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await page.getByTestId('unmask-reason').fill('年度人口核查上报');
    await page.getByTestId('unmask-submit').click();
    const file = await download;
    assert(/\.xlsx$/.test(file.suggestedFilename()), `the download is ${file.suggestedFilename()}`);
  });

  test('a locked account answers like a wrong password, and an administrator unlocks it', async (ctx) => {
    const page = await ctx.newPage({ viewport: { width: 1440, height: 900 } });
    // Five wrong passwords from this browser lock g003_admin for others. After three, the same name from the same
    // address must wait 1 s, 2 s, 4 s … between attempts.
    const pause = (ms) => new Promise((r) => setTimeout(r, ms));
    for (let i = 0; i < 5; i++) {
      if (i >= 3) await pause(1_000 * 2 ** (i - 3) + 300);
      const res = await page.request.post('/api/auth/login', {
        data: { username: 'g003_admin', password: `wrong-${i}` },
      });
      assert(res.status() === 401, `wrong password ${i} answered ${res.status()}`);
    }
    await pause(4_300);
    const locked = await page.request.post('/api/auth/login', {
      data: { username: 'g003_admin', password: 'Wangge@2026' },
    });
    const unknown = await page.request.post('/api/auth/login', {
      data: { username: 'no_such_user_e2e', password: 'Wangge@2026' },
    });
    assert(
      locked.status() === unknown.status(),
      `locked ${locked.status()} and unknown ${unknown.status()} differ`,
    );
    assert(
      JSON.stringify(await locked.json()) === JSON.stringify(await unknown.json()),
      'the locked account answers differently from an unknown one',
    );

    await ctx.login(page, 'admin');
    await page.goto('/users');
    const search = page
      .locator('input[data-testid="users-search"], [data-testid="users-search"] input')
      .first();
    await search.fill('g003_admin');
    await search.press('Enter');
    await waitForText(page, '[data-testid="users-table"]', /g003_admin/);
    await page
      .getByRole('button', { name: /解除锁定/ })
      .first()
      .click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await waitForText(page, 'body', /已解除锁定/);
    await ctx.screenshot(page, 'security-unlocked');
    // The unlock lifts the account lock; this address still waits out its delay for the name (8 s after the sixth try).
    let after = await page.request.post('/api/auth/login', {
      data: { username: 'g003_admin', password: 'Wangge@2026' },
    });
    for (let i = 0; i < 10 && after.status() === 429; i++) {
      await pause(1_000);
      after = await page.request.post('/api/auth/login', {
        data: { username: 'g003_admin', password: 'Wangge@2026' },
      });
    }
    assert(after.status() === 200, `after unlock the right password answered ${after.status()}`);
  });
}
