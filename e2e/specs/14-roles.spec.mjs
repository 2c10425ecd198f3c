import { expect, login, note, PHONE, screenshot, scrollWidth, test } from '../lib/fixtures.mjs';

// Issue 11 (5, 6): each role lands on its work and sees only the menu groups it can use; the case page says who acts
// next. Groups are the menu's data-testid="nav-group-<key>" (app/layout/nav-menu.tsx).
const DESK = { viewport: { width: 1440, height: 900 } };

/** user, where they work, the page they land on, what shows there, the menu groups they see (in order). */
const ROLES = [
  {
    user: 'g001_informant',
    use: PHONE,
    path: '/tasks',
    shows: 'tasks-report',
    groups: ['zongzhi', 'minsheng', 'juece', 'xietong', 'gis', 'system'],
  },
  {
    user: 'intake',
    use: DESK,
    path: '/tasks',
    shows: 'task-section-intake',
    // 民生: 公开内容审核 (the intake operator moderates residents' public text and photos).
    groups: ['zongzhi', 'minsheng', 'kaohe', 'juece', 'xietong', 'gis', 'system'],
  },
  {
    user: 'shift',
    use: DESK,
    path: '/tasks',
    shows: 'task-section-shift',
    groups: ['zongzhi', 'kaohe', 'juece', 'xietong', 'gis', 'system'],
  },
  {
    user: 'dispatcher',
    use: DESK,
    path: '/tasks',
    shows: 'task-section-dispatch',
    groups: ['zongzhi', 'kaohe', 'juece', 'xietong', 'gis', 'system'],
  },
  {
    user: 'dept_sz',
    use: DESK,
    path: '/tasks',
    shows: 'task-section-department',
    groups: ['zongzhi', 'juece', 'xietong', 'gis', 'system'],
  },
  {
    user: 'qu_leader',
    use: DESK,
    path: '/dashboard',
    shows: 'dashboard-card-reportCount',
    groups: ['zongzhi', 'minsheng', 'kaohe', 'juece', 'xietong', 'gis', 'system'],
  },
  {
    user: 'jd_leader',
    use: DESK,
    path: '/dashboard',
    shows: 'dashboard-card-reportCount',
    groups: ['zongzhi', 'minsheng', 'kaohe', 'juece', 'xietong', 'gis', 'system'],
  },
  {
    user: 'sq_leader',
    use: PHONE,
    path: '/dashboard',
    shows: 'dashboard-card-reportCount',
    groups: ['zongzhi', 'minsheng', 'kaohe', 'juece', 'xietong', 'gis', 'system'],
  },
  {
    user: 'admin',
    use: DESK,
    path: '/users',
    shows: 'users-table',
    groups: ['zongzhi', 'minsheng', 'kaohe', 'juece', 'xietong', 'gis', 'system'],
  },
  {
    user: 'observer',
    use: DESK,
    path: '/overview',
    shows: 'overview-table',
    groups: ['zongzhi', 'juece', 'gis', 'system'],
  },
];

for (const r of ROLES) {
  test.describe(r.user, () => {
    test.use(r.use);

    test(`${r.user} lands on ${r.path} and sees the menu groups of the role`, async ({ page }) => {
      await login(page, r.user);
      await expect(page, 'landing page').toHaveURL((url) => url.pathname === r.path);
      await expect(page.getByTestId(r.shows)).toBeVisible();
      const phone = r.use === PHONE;
      if (phone) {
        expect(await scrollWidth(page), 'the landing page’s width').toBeLessThanOrEqual(376);
        await screenshot(page, `roles-${r.user}-landing`);
        await page.getByTestId('nav-toggle').click();
      }
      const groups = page.locator('[data-testid^="nav-group-"]');
      await expect(groups.first()).toBeVisible();
      const keys = await groups.evaluateAll((els) =>
        els.map((e) => e.getAttribute('data-testid').replace('nav-group-', '')),
      );
      note(`${r.user}: ${keys.join(', ')}`);
      expect(keys, 'menu groups').toEqual(r.groups);
      if (phone) await page.waitForTimeout(400); // the drawer slides in
      await screenshot(page, phone ? `roles-${r.user}-menu` : `roles-${r.user}-landing`);
    });
  });
}

test.describe('after a step', () => {
  test.use(DESK);

  test('the case page says who acts next: 受理 by the 受理员, then 立案 by the 值班长', async ({
    page,
  }) => {
    await login(page, 'intake');
    const list = await page.request.get('/api/cases?state=pending_acceptance&limit=20');
    expect(list.status()).toBe(200);
    const c = (await list.json()).items.find((v) => !v.selfHandled);
    expect(c, 'a case waiting for 受理 in the demo').toBeTruthy();
    await page.goto(`/cases/${c.id}`);
    const next = page.getByTestId('case-next');
    await expect(next).toContainText('下一步');
    await expect(next).toContainText('受理员');
    await expect(next).toContainText('受理');

    await screenshot(page, 'roles-case-next-before-accept');
    await page.getByTestId('action-accept').click();
    const submit = page.getByTestId('action-submit');
    await expect(submit).toBeVisible();
    await submit.click();
    await expect(next).toContainText('值班长', { timeout: 15_000 });
    await expect(next).toContainText('立案');
    await screenshot(page, 'roles-case-next-after-accept');
  });

  test('a leader’s overview links into the queue filtered by state and area', async ({ page }) => {
    await login(page, 'jd_leader');
    await page.goto('/overview'); // leaders land on the dashboard
    const open = page.getByTestId('overview-open');
    await expect(open).toBeVisible();
    const total = Number(await open.textContent());
    expect(total, 'open cases in the street').toBeGreaterThan(0);
    const first = page.locator('[data-testid$="-total"] >> visible=true').first();
    await first.click();
    await expect(page).toHaveURL(/\/cases\?state=/);
    await expect(
      page
        .getByTestId('queue-table')
        .getByText(/AJ\d{18}/)
        .first(),
    ).toBeVisible();
    await screenshot(page, 'roles-overview-to-queue');
  });
});
