import { expect, note, PHONE, screenshot, scrollWidth, test } from '../lib/fixtures.mjs';

// 统计 · 登记与走访 (docs/registry-figures.md): a street leader sees the registers' counts of their street, groups them
// by grid, and opens the visits behind an overdue count — the list is as long as the figure.
test.use({ user: 'jd_leader' });

/** A period with an overdue visit in the demo (one falls due five days before the seed's today). */
async function periodWithOverdue(page) {
  for (const offset of [0, 1]) {
    const d = new Date();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - offset);
    const key = d.toISOString().slice(0, 7);
    const r = await (await page.request.get(`/api/figures/registries?period=${key}`)).json();
    if (r.totals.visits?.overdue > 0) return { key, report: r };
  }
  throw new Error('no overdue visit in the demo street this month or last');
}

test('a street leader reads the figures, groups them by grid, and drills into overdue visits', async ({
  page,
}) => {
  const { key, report } = await periodWithOverdue(page);
  note(
    `period ${key}: ${report.totals.population.total} people, ${report.totals.visits.overdue} overdue`,
  );
  expect(report.areaCode, 'the leader’s own street by default').toMatch(/^\d{9}$/);

  await page.goto(`/figures/registries?period=${key}`);
  const people = page.getByTestId('figures-section-population').getByTestId('fig-population-total');
  await expect(people.first()).toHaveText(String(report.totals.population.total));
  expect(report.totals.population.total, 'people on the demo register').toBeGreaterThan(0);
  await expect(
    page.getByTestId('figures-section-houses').getByTestId('fig-houses-total').first(),
  ).toHaveText(String(report.totals.houses.total));
  await screenshot(page, 'registry-figures-1440');

  // By grid: one row per grid of the street and a total row, nothing of another street.
  await page.getByTestId('figures-group-by').getByText('按网格').click();
  await expect(page).toHaveURL(/groupBy=grid/);
  const visits = page.getByTestId('figures-section-visits');
  const overdueCells = visits.getByTestId('fig-visits-overdue');
  await expect.poll(() => overdueCells.count()).toBeGreaterThan(2);
  const areas = await overdueCells.evaluateAll((els) => els.map((e) => e.dataset.area));
  for (const a of areas) expect(a.startsWith(report.areaCode), `row ${a} in the street`).toBe(true);
  await screenshot(page, 'registry-figures-by-grid-1440');

  // The total row's overdue count opens the tasks behind it.
  const total = overdueCells.last();
  const n = Number(await total.innerText());
  expect(n).toBe(report.totals.visits.overdue);
  await total.click();
  await expect(page.getByTestId('figures-drill-total')).toContainText(`共 ${n} 条`);
  await expect(
    page.getByTestId('figures-drill-list').locator('tbody tr.ant-table-row'),
  ).toHaveCount(n);
  await screenshot(page, 'registry-figures-drill-1440');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: '网格员工作量' }).click();
  await expect(page.getByTestId('grid-workers')).toBeVisible();
  await expect(page.getByTestId('grid-workers')).not.toContainText(/1[3-9]\d{9}/);
  // Each worker's assessment score is the indicator API's 监督员 综合指标值 for that person and period.
  const scores = page.getByTestId('fig-worker-score');
  await expect(scores.first()).toBeVisible();
  const first = scores.first();
  const userId = await first.getAttribute('data-id');
  const assessed = (
    await (
      await page.request.get(
        `/api/indicators?object=position&position=inspector&userId=${userId}&period=${key}`,
      )
    ).json()
  ).rows[0].score;
  const shown = assessed?.value == null ? '—' : assessed.value.toFixed(1);
  await expect(first).toContainText(shown);
  note(`worker score: ${await first.innerText()} (API ${shown})`);
  await screenshot(page, 'registry-figures-workers-1440');
});

test.describe('on a phone', () => {
  test.use({ ...PHONE, user: 'jd_leader' });
  test('the figures fit a 375 px screen', async ({ page }) => {
    await page.goto('/figures/registries?groupBy=grid');
    await expect(page.getByTestId('figures-section-population')).toBeVisible();
    expect(await scrollWidth(page), 'no sideways scroll').toBeLessThanOrEqual(376);
    await screenshot(page, 'registry-figures-375');
  });
});
