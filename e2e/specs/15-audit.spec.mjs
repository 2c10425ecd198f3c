import { expect, PASSWORD, screenshot, test } from '../lib/fixtures.mjs';

// The audit log as an auditor reads it (issue 11 #7): Chinese labels, named targets, the reason of an unmasking,
// sign-ins behind a toggle, filters kept in the URL, and an export that is itself audited.

// One reason per run, so a retry does not find the first try's entry too.
const REASON = `核实联系方式（e2e 审计 ${Date.now() % 100000}）`;
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** A write through the page's session (the CSRF token comes with /api/auth/me). */
async function post(page, url, data) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const res = await page.request.post(url, { data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

test.describe('an administrator', () => {
  test.use({ user: 'admin' });

  test('filters by actor, action and date, reads labels and the reason, toggles sign-ins, exports', async ({
    page,
  }) => {
    const users = await (await page.request.get('/api/users?q=jd_leader')).json();
    const target = users.items.find((u) => u.username === 'jd_leader');
    await post(page, `/api/users/${target.id}/unmask-phone`, { reason: REASON });

    await page.goto('/audit');
    const table = page.getByTestId('audit-table');
    await expect(table).toContainText('查看完整个人信息');
    // Sign-ins are hidden until asked for.
    await expect(table.locator('.ant-tag', { hasText: /^登录$/ })).toHaveCount(0);
    await page.getByTestId('audit-show-logins').click();
    await expect(page).toHaveURL(/logins=1/);
    await expect(table.locator('.ant-tag', { hasText: /^登录$/ }).first()).toBeVisible();
    await page.getByTestId('audit-show-logins').click();

    // Actor: admin; action: 查看完整个人信息; today's date.
    await page.getByTestId('audit-filter-actor').click();
    await page.locator('.ant-select-dropdown:visible').getByText('admin', { exact: true }).click();
    await page.getByTestId('audit-filter-action').click();
    await page.keyboard.type('查看完整');
    await page
      .locator('.ant-select-dropdown:visible')
      .getByText('查看完整个人信息', { exact: true })
      .click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(
      /actorId=.*action=personal_data_viewed|action=personal_data_viewed.*actorId=/,
    );
    // Both dates typed one right after the other: the second must not drop the first.
    await page.getByTestId('audit-filter-from').fill(today());
    await page.getByTestId('audit-filter-to').fill(today());
    await expect(page).toHaveURL(new RegExp(`from=${today()}`));
    const row = table.locator('tbody tr', { hasText: REASON });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('用户');
    await expect(row).toContainText('李主任（jd_leader）');
    await expect(row.getByTestId('audit-reason')).toContainText(REASON);
    await expect(table.locator('tbody tr')).not.toContainText(['personal_data_viewed']);
    await screenshot(page, 'audit-filtered-1440');

    // The same view after a reload: the URL holds it.
    await page.reload();
    await expect(table.locator('tbody tr', { hasText: REASON })).toHaveCount(1);

    // Export with a reason; the export is itself an entry.
    await page.getByTestId('audit-export').click();
    await page.getByTestId('unmask-reason').fill('季度安全审计');
    const download = page.waitForEvent('download');
    await page.getByTestId('unmask-submit').click();
    expect((await download).suggestedFilename()).toMatch(/^审计日志-.*\.xlsx$/);
    const exported = await (await page.request.get('/api/audit?action=audit_exported')).json();
    expect(exported.items[0].detail.reason).toBe('季度安全审计');

    await page.goto('/audit');
    await expect(table).toContainText('导出审计日志');
    await expect(table).toContainText('季度安全审计');
    await screenshot(page, 'audit-default-1440');
  });

  test('a street auditor sees only the entries of the street', async ({ page, newPage }) => {
    const tree = await (await page.request.get('/api/areas/tree')).json();
    const street = tree.items.find((a) => a.level === 'street');
    await post(page, '/api/roles', {
      code: 'e2e_street_auditor',
      name: '街道审计员',
      nameEn: 'Street auditor',
      permissions: ['audit.read', 'areas.read'],
    });
    await post(page, '/api/users', {
      username: 'e2e_auditor',
      displayName: '街道审计员',
      password: 'First-Pass-123',
      roles: ['e2e_street_auditor'],
      areaCodes: [street.code],
    });
    const other = await newPage();
    // A new account changes its initial password first.
    await other.request.post('/api/auth/login', {
      data: { username: 'e2e_auditor', password: 'First-Pass-123' },
    });
    await post(other, '/api/auth/password', {
      currentPassword: 'First-Pass-123',
      newPassword: PASSWORD,
    });
    // The session survives the change: no second login.
    await other.goto('/audit');
    await other.getByTestId('audit-export').click();
    await other.getByTestId('unmask-reason').fill('街道自查');
    const download = other.waitForEvent('download');
    await other.getByTestId('unmask-submit').click();
    await download;
    await other.reload();
    const table = other.getByTestId('audit-table');
    await expect(table).toContainText('街道自查');
    // The administrator's city-wide entries (the unmasking above) are not the street's.
    await expect(table).not.toContainText(REASON);
    const seen = await (await other.request.get('/api/audit?limit=500')).json();
    expect(seen.items.every((e) => e.areaCode?.startsWith(street.code))).toBe(true);
    await screenshot(other, 'audit-street-auditor-1440');
  });
});
