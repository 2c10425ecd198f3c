import { expect, login, note, PHONE, screenshot, scrollWidth, test } from '../lib/fixtures.mjs';

// 考核管理 (docs/indicators.md §6–§7): the admin reads the assessment schemes (every target's weights sum to 100 %),
// breaks one and sees the sum turn red and the server refuse the save at that target, restores it; then publishes
// last month (or, when the demo has it published already, recomputes it with a reason) and sees the version listed;
// the dashboard then tags that month's figures as published.
test.use({ user: 'admin' });

/** Last month in Shanghai time: the newest month that has ended, the one the demo's history fills. */
function lastMonth() {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth(); // 0-based: the running month's index is last month's 1-based number
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

/** antd's InputNumber puts data-testid on its wrapper or on the input, by version: the input either way. */
async function numberInput(page, testId) {
  const el = page.getByTestId(testId);
  const tag = await el.evaluate((e) => e.tagName);
  return tag === 'INPUT' ? el : el.locator('input');
}

test('the admin edits a scheme: the sum turns red off 100 % and the server refuses the save', async ({
  page,
}) => {
  await page.goto('/config/assessment?tab=schemes');
  await expect(page.getByTestId('assess-scheme-default')).toBeVisible();
  await expect(page.getByTestId('assess-scheme-hotline')).toBeVisible();
  const sums = page.locator('[data-testid^="assess-sum-"]');
  // default: 6 targets, hotline: area and department.
  await expect(sums).toHaveCount(8);
  for (const sum of await sums.all()) {
    await expect(sum).toHaveText('合计 100%');
    await expect(sum).toHaveAttribute('data-ok', '1');
  }
  await screenshot(page, 'assessment-schemes-1440');

  const weight = await numberInput(page, 'assess-weight-default-area-closeInTimeRate');
  await expect(weight).toHaveValue('40');
  await weight.fill('50');
  const areaSum = page.getByTestId('assess-sum-default-area');
  await expect(areaSum).toHaveText('合计 110%');
  await expect(areaSum).toHaveAttribute('data-ok', '0');
  expect(await areaSum.evaluate((e) => getComputedStyle(e).color), 'the sum off 100 % is red').toBe(
    'rgb(207, 19, 34)',
  );

  await page.getByTestId('assess-save-default').click();
  const refusal = page.getByTestId('assess-error-default-area');
  await expect(refusal, 'the server’s refusal at the target').toContainText('权重合计须为 100%');
  await expect(refusal).toContainText('110');
  await expect(page.getByTestId('assess-target-default-area')).toHaveClass(/assess-target--error/);
  await screenshot(page, 'assessment-scheme-refused-1440');

  await page.getByTestId('assess-reset-default').click();
  await expect(areaSum).toHaveText('合计 100%');
  await expect(refusal).toHaveCount(0);
  await expect(weight).toHaveValue('40');

  // A valid change is saved as a new version of the scheme (and put back the same way).
  const closeRate = await numberInput(page, 'assess-weight-default-area-closeRate');
  await weight.fill('35');
  await closeRate.fill('35');
  await expect(areaSum).toHaveText('合计 100%');
  await page.getByTestId('assess-save-default').click();
  // The version of this save (GET /api/indicators/schemes does not give one).
  const tag = page.getByTestId('assess-version-default');
  await expect(tag).toContainText(/版本 \d+/);
  const saved = Number((await tag.textContent()).match(/\d+/)[0]);
  const stored = await (await page.request.get('/api/indicators/schemes')).json();
  const area = stored.items.find((x) => x.code === 'default').targets.area;
  expect(
    area.map((c) => c.weight),
    'the stored weights',
  ).toEqual([35, 35, 30]);
  await weight.fill('40');
  await closeRate.fill('30');
  await page.getByTestId('assess-save-default').click();
  await expect(tag).toContainText(`版本 ${saved + 1}`);
});

test('the admin publishes last month (or recomputes it) and sees the version listed', async ({
  page,
  newPage,
}) => {
  const key = lastMonth();
  const before = await (
    await page.request.get(`/api/indicators/publications?period=${key}`)
  ).json();
  const current = before.items.find((p) => p.current) ?? null;
  note(current ? `${key} already published (v${current.version}): recompute` : `publishing ${key}`);

  await page.goto('/config/assessment');
  const list = page.getByTestId('assess-publications');
  const row = () =>
    list
      .locator('tr.ant-table-row', { hasText: key })
      .filter({ has: page.getByTestId('assess-pub-current') });
  let version;
  if (!current) {
    await expect(page.getByTestId('assess-publish-month')).toContainText(key);
    await page.getByTestId('assess-publish').click();
    await page.getByTestId('assess-publish-ok').click();
    version = 1;
    await expect(row()).toContainText('第 1 版');
    // Publishing it again is refused next to the month, with the server's message.
    await page.getByTestId('assess-publish').click();
    await page.getByTestId('assess-publish-ok').click();
    await expect(page.getByTestId('assess-publish-form')).toContainText(`${key} 已发布（第 1 版）`);
  }
  // A recompute needs its reason: refused without one, a new version with one.
  await row().getByTestId('assess-recompute').click();
  await page.getByTestId('assess-recompute-ok').click();
  await expect(page.locator('.ant-modal')).toContainText('请说明重算原因');
  await page.getByTestId('assess-recompute-reason').fill('更正了月底补录的案件');
  await screenshot(page, 'assessment-recompute-1440');
  await page.getByTestId('assess-recompute-ok').click();
  version = (current?.version ?? version) + 1;
  await expect(row()).toContainText(`第 ${version} 版`);
  await expect(row()).toContainText('更正了月底补录的案件');
  await expect(
    list.locator('tr.ant-table-row', { hasText: key }),
    'every version of the month listed',
  ).toHaveCount(version);
  await expect(page.locator('.ant-modal-wrap')).toBeHidden();
  await screenshot(page, 'assessment-periods-1440');

  // The dashboard reads that month from the publication and says so.
  const leader = await newPage();
  await login(leader, 'jd_leader');
  await leader.goto(`/dashboard?period=${key}`);
  await expect(leader.getByTestId('dashboard-published')).toContainText(`已发布 第 ${version} 版`);
  await screenshot(leader, 'assessment-dashboard-published-1440');
});

test.describe('on a phone', () => {
  test.use({ ...PHONE, user: 'admin' });
  test('both tabs fit a 375 px screen', async ({ page }) => {
    await page.goto('/config/assessment');
    await expect(page.getByTestId('assess-publications')).toBeVisible();
    expect(await scrollWidth(page), 'no sideways scroll').toBeLessThanOrEqual(376);
    await screenshot(page, 'assessment-periods-375');
    await page.goto('/config/assessment?tab=schemes');
    await expect(page.getByTestId('assess-sum-default-inspector')).toHaveText('合计 100%');
    expect(await scrollWidth(page), 'no sideways scroll').toBeLessThanOrEqual(376);
    await screenshot(page, 'assessment-schemes-375');
  });
});
