import { readFile } from 'node:fs/promises';
import { expect, PHONE, screenshot, scrollWidth, test } from '../lib/fixtures.mjs';

// 月度报告 (docs/reports.md): a street leader generates last month's report of their street, opens the printable page
// and downloads the PDF; the PDF opens (it has pages) and the page's headline figure is the API's — a non-zero one,
// from the demo's backdated history through the indicator engine.
test.use({ user: 'jd_leader' });

/** Pages of a PDF: its page objects, as the server's own count does (modules/reports/pdf-printer.ts). */
const pdfPages = (bytes) =>
  (bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

test('a street leader generates the monthly report, opens it and downloads the PDF', async ({
  page,
  context,
}) => {
  await page.goto('/reports');
  await expect(page.getByRole('heading', { name: '月度报告' })).toBeVisible();
  await page.getByTestId('reports-area').click();
  // The street is the broadest area in the leader's scope: listed first.
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  const answered = page.waitForResponse(
    (r) => r.url().endsWith('/api/reports/monthly') && r.request().method() === 'POST',
  );
  await page.getByTestId('reports-generate').click();
  const res = await answered;
  expect(res.status(), 'POST /api/reports/monthly').toBe(201);
  const report = await res.json();
  const reported = report.headline.find((h) => h.key === 'reported');
  // The demo's backdated history fills last month: the figure compared below is a real one, not a zero.
  expect(reported.value, 'cases reported in the street last month').toBeGreaterThan(0);
  const onTime = report.headline.find((h) => h.key === 'onTimeRate');
  expect(onTime.value, '按期结案率 of last month').toBeGreaterThan(0);
  expect(onTime.value).toBeLessThanOrEqual(1);

  // Listed, with the API's figures.
  const row = page.locator(`tr[data-report-id="${report.id}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('report-figure-reported')).toContainText(reported.display);
  const listed = await (await page.request.get('/api/reports')).json();
  expect(listed.items.find((r) => r.id === report.id)?.headline).toEqual(report.headline);
  await screenshot(page, 'reports-list-1440');

  // The printable page, in a new tab: its headline figure is the API's.
  const [htmlPage] = await Promise.all([
    context.waitForEvent('page'),
    row.getByTestId('report-html').click(),
  ]);
  await htmlPage.waitForLoadState();
  await expect(htmlPage.locator('h1')).toContainText('月度报告');
  const figure = htmlPage.locator('tr[data-key="reported"]');
  await expect(figure).toHaveAttribute('data-value', String(reported.value));
  await expect(figure.locator('td.figure')).toHaveText(reported.display);
  await screenshot(htmlPage, 'reports-html-1440');
  await htmlPage.close();

  // The PDF downloads and opens: a PDF with pages, as many as the API says.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByTestId('report-pdf').click(),
  ]);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString(), 'PDF header').toBe('%PDF-');
  const pages = pdfPages(bytes);
  expect(pages, 'PDF pages').toBeGreaterThan(0);
  expect(pages).toBe(report.pdf.pages);
});

test.describe('on a phone', () => {
  test.use({ ...PHONE, user: 'jd_leader' });
  test('the report list fits a 375 px screen', async ({ page }) => {
    await page.goto('/reports');
    await expect(page.getByTestId('reports-generate')).toBeVisible();
    const card = page.locator('[data-report-id]').first();
    await expect(card).toBeVisible();
    // On a phone the buttons are on each report's card, not off to the side of a table.
    await expect(card.getByTestId('report-pdf')).toBeInViewport();
    expect(await scrollWidth(page), 'no sideways scroll').toBeLessThanOrEqual(376);
    await screenshot(page, 'reports-list-375');
  });
});
