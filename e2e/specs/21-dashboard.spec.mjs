import { expect, note, PHONE, screenshot, scrollWidth, test } from '../lib/fixtures.mjs';

// 领导驾驶舱 (docs/dashboard.md): a street leader lands on it, reads the headline figures the indicator API gives,
// sees the charts drawn, and opens the cases behind a figure — the list is as long as the figure.
test.use({ user: 'jd_leader' });

const monthKey = (offset) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - offset);
  return d.toISOString().slice(0, 7);
};

/** The latest of the last three months with tasks or closings due (else with reports) in the demo street. */
async function busyMonth(page) {
  let withReports = null;
  for (const offset of [0, 1, 2]) {
    const key = monthKey(offset);
    const res = await page.request.get(
      `/api/indicators?object=area&period=${key}&compare=1&ids=reportCount,registeredCount,closedCount,closeInTimeRate,handleOnTimeRate,satisfactionRate`,
    );
    expect(res.status(), 'indicator API').toBe(200);
    const body = await res.json();
    const f = body.rows[0].figures;
    if (f.handleOnTimeRate.n + f.closeInTimeRate.n > 0) return { key, offset, row: body.rows[0] };
    if (!withReports && f.reportCount.value > 0) withReports = { key, offset, row: body.rows[0] };
  }
  if (withReports) return withReports;
  throw new Error('no report in the demo street in the last three months');
}

test('a street leader lands on the dashboard, reads the API’s figures and drills into one', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page, 'the leader’s landing page').toHaveURL(/\/dashboard/);
  const { key, offset, row } = await busyMonth(page);
  const reports = row.figures.reportCount.value;
  note(`period ${key}: ${reports} reports, ${row.figures.closedCount.value} closed`);
  if (offset > 0) await page.goto(`/dashboard?period=${key}`);

  await expect(page.getByTestId('dashboard-value-reportCount')).toHaveText(String(reports));
  await expect(page.getByTestId('dashboard-value-closedCount')).toHaveText(
    String(row.figures.closedCount.value),
  );
  // A rate without a denominator is "—", never 0 %.
  const sat = row.figures.satisfactionRate;
  if (sat.value === null)
    await expect(page.getByTestId('dashboard-value-satisfactionRate')).toHaveText('—');
  else
    await expect(page.getByTestId('dashboard-kn-satisfactionRate')).toHaveText(`${sat.k}/${sat.n}`);

  // The charts drew on canvas, from rows the API gave.
  for (const id of ['dashboard-by-dept-chart', 'dashboard-by-area-chart', 'dashboard-funnel-chart'])
    await expect(page.getByTestId(id).locator('canvas'), id).toBeVisible();
  // One table row per community the API ranks.
  const byArea = await (
    await page.request.get(
      `/api/indicators?object=area&period=${key}&groupBy=community&ids=registeredCount,handleOnTimeRate,closeInTimeRate`,
    )
  ).json();
  note(`${byArea.rows.length} communities ranked`);
  expect(byArea.rows.length, 'communities with cases').toBeGreaterThan(0);
  await expect(
    page.getByTestId('dashboard-by-area-table').locator('tbody tr.ant-table-row'),
  ).toHaveCount(byArea.rows.length);
  await screenshot(page, 'dashboard-1440');

  // The drill-down of 上报数 lists as many cases as the figure, 50 a page, each linking to its case.
  await page.getByTestId('dashboard-card-reportCount').click();
  await expect(page.getByTestId('dashboard-drill-total')).toContainText(`共 ${reports} 条`);
  const list = page.getByTestId('dashboard-drill-list');
  const rows = list.locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(Math.min(reports, 50));
  await expect(rows.first().locator('a')).toHaveAttribute('href', /^\/cases\/.+/);
  await screenshot(page, 'dashboard-drill-1440');
  let listed = Math.min(reports, 50);
  for (let p = 2; listed < reports; p++) {
    await list.locator('.ant-pagination-next').click();
    await expect(list.locator('.ant-pagination-item-active')).toHaveText(String(p));
    const n = Math.min(reports - listed, 50);
    await expect(rows).toHaveCount(n);
    listed += n;
  }
  note(`drill-down: ${listed} cases over ${Math.ceil(reports / 50)} page(s)`);
});

test('the map panel draws the open cases and a chart downloads as xlsx', async ({ page }) => {
  await page.goto('/dashboard');
  const api = await (await page.request.get('/api/cases/map-points')).json();
  note(`map: ${api.points.length} points, ${api.grids.length} grids, ${api.total} open`);
  expect(api.points.length, 'open cases in the demo street').toBeGreaterThan(0);
  const map = page.getByTestId('dashboard-map');
  await expect(map.locator('canvas').first(), 'the map drew').toBeVisible();
  await expect(map).toHaveAttribute('data-points', String(api.points.length));
  await expect(map).toHaveAttribute('data-grids', String(api.grids.length));
  await map.scrollIntoViewIfNeeded();
  await screenshot(page, 'dashboard-map-cluster-1440');
  for (const mode of ['grid', 'heat']) {
    await page
      .getByTestId('dashboard-map-mode')
      .getByText(mode === 'grid' ? '网格' : '热力')
      .click();
    await expect(map).toHaveAttribute('data-mode', mode);
    await screenshot(page, `dashboard-map-${mode}-1440`);
  }

  // The ranking's download is the server's sheet of the same figures.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('dashboard-by-dept-download').click(),
  ]);
  note(`downloaded ${download.suggestedFilename()}`);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const href = await page.getByTestId('dashboard-by-dept-download').getAttribute('href');
  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('spreadsheetml');
});

test.describe('on a tablet', () => {
  test.use({ viewport: { width: 1024, height: 768 }, user: 'jd_leader' });
  test('the dashboard fits 1024 px', async ({ page }) => {
    await page.goto('/dashboard');
    await expect(page.getByTestId('dashboard-funnel-chart').locator('canvas')).toBeVisible();
    expect(await scrollWidth(page), 'no sideways scroll').toBeLessThanOrEqual(1025);
    await screenshot(page, 'dashboard-1024');
  });
});

test.describe('on a phone', () => {
  test.use({ ...PHONE, user: 'jd_leader' });
  test('the dashboard fits a 375 px screen', async ({ page }) => {
    await page.goto('/dashboard');
    await expect(page.getByTestId('dashboard-value-reportCount')).toHaveText(/^\d+$/);
    await expect(page.getByTestId('dashboard-by-dept-chart').locator('canvas')).toBeVisible();
    await expect(page.getByTestId('dashboard-map').locator('canvas').first()).toBeVisible();
    await expect(page.getByTestId('dashboard-map')).toHaveAttribute('data-points', /^[1-9]\d*$/);
    expect(await scrollWidth(page), 'no sideways scroll').toBeLessThanOrEqual(376);
    await screenshot(page, 'dashboard-375');
    await page.getByTestId('dashboard-map').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-map-375');
  });
});

test.describe('in English', () => {
  test.use({ user: 'jd_leader' });
  test('the dashboard reads in English: titles, figure names and chart labels', async ({
    page,
  }) => {
    await page.addInitScript(() => window.localStorage.setItem('wangge.lang', 'en'));
    await page.goto('/dashboard');
    await expect(page.getByText('Leaders’ dashboard').first()).toBeVisible();
    await expect(page.getByTestId('dashboard-value-reportCount')).toHaveText(/^\d+$/);
    await expect(page.getByText('Stages', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('Reports', { exact: true }).first()).toBeVisible();
    // The dashboard's own words are English; names of places and departments stay as they are.
    await expect(page.getByText('领导驾驶舱')).toHaveCount(0);
    await expect(page.getByText('办理环节')).toHaveCount(0);
    await expect(page.getByTestId('dashboard-funnel-chart').locator('canvas')).toBeVisible();
    await expect(page.getByTestId('dashboard-map')).toHaveAttribute('data-points', /^[1-9]\d*$/);
    await screenshot(page, 'dashboard-en-1440');
  });
});
