import { assert, fetchJson, waitForText } from '../lib/util.mjs';

export const name = 'cases';

export function run({ test }) {
  test('an inspector reports a problem from a phone using the device position', async (ctx) => {
    const page = await ctx.newPage({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
      permissions: ['geolocation'],
    });
    await ctx.login(page, 'inspector');
    // A point inside the inspector's street: the label point of its first grid.
    const tree = await fetchJson(page, '/api/areas/tree?level=grid');
    assert(tree.status === 200 && tree.body.items.length > 0, 'inspector sees no grids');
    const grid = await fetchJson(page, `/api/areas/${tree.body.items[0].id}`);
    const [lng, lat] = grid.body.center;
    await page.context().setGeolocation({ longitude: lng, latitude: lat, accuracy: 10 });
    await page.goto('/cases/new');
    await page.getByTestId('report-form').waitFor();
    await page.getByTestId('report-my-location').click();
    await waitForText(page, '[data-testid="report-grid"]', /\d{14}/, 15_000);
    await page.getByTestId('report-address').fill('文化路 12 号门前');
    await page.getByTestId('report-description').fill('路边堆放生活垃圾，影响通行');
    await ctx.screenshot(page, 'phone-report-form');
    await page.getByTestId('report-submit').click();
    const no = await waitForText(page, '[data-testid="report-case-no"]', /AJ\d{18}/, 15_000);
    assert(/AJ\d{18}/.test(no), `no case number shown: ${no}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(width <= 376, `report page scrolls sideways (${width}px)`);
    await ctx.screenshot(page, 'phone-report-done');
  });

  test('the intake operator sees the queue with lights and opens a case with its timeline and actions', async (ctx) => {
    const page = await ctx.newPage({ viewport: { width: 1366, height: 860 } });
    await ctx.login(page, 'intake');
    await page.goto('/cases');
    await waitForText(page, '[data-testid="queue-table"]', /AJ\d{18}/, 15_000);
    await ctx.screenshot(page, 'desktop-case-queue');
    await page.locator('[data-testid="queue-table"] >> text=/AJ\\d{18}/').first().click();
    await waitForText(page, '[data-testid="case-no"]', /AJ\d{18}/, 15_000);
    await page.getByTestId('case-timeline').waitFor();
    await page.getByTestId('case-actions').waitFor();
    await ctx.screenshot(page, 'desktop-case-detail');
  });
}
