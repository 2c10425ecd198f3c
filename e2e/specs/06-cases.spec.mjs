import { expect, screenshot, scrollWidth, test } from '../lib/fixtures.mjs';

test.describe('on a phone', () => {
  test.use({
    viewport: { width: 375, height: 740 },
    isMobile: true,
    hasTouch: true,
    permissions: ['geolocation'],
    user: 'inspector',
  });

  test('an inspector reports a problem from a phone using the device position', async ({
    page,
  }) => {
    // A point inside the inspector's street: the label point of its first grid.
    const tree = await page.request.get('/api/areas/tree?level=grid');
    expect(tree.status()).toBe(200);
    const { items } = await tree.json();
    expect(items.length, 'grids the inspector sees').toBeGreaterThan(0);
    const grid = await (await page.request.get(`/api/areas/${items[0].id}`)).json();
    const [lng, lat] = grid.center;
    await page.context().setGeolocation({ longitude: lng, latitude: lat, accuracy: 10 });
    await page.goto('/cases/new');
    await expect(page.getByTestId('report-form')).toBeVisible();
    await page.getByTestId('report-my-location').click();
    await expect(page.getByTestId('report-grid')).toContainText(/\d{14}/);
    await page.getByTestId('report-address').fill('文化路 12 号门前');
    await page.getByTestId('report-description').fill('路边堆放生活垃圾，影响通行');
    await screenshot(page, 'phone-report-form');
    await page.getByTestId('report-submit').click();
    await expect(page.getByTestId('report-case-no')).toContainText(/AJ\d{18}/);
    expect(await scrollWidth(page), 'the report page’s width').toBeLessThanOrEqual(376);
    await screenshot(page, 'phone-report-done');
  });
});

test.describe('at a desk', () => {
  test.use({ viewport: { width: 1366, height: 860 }, user: 'intake' });

  test('the intake operator sees the queue with lights and opens a case with its timeline and actions', async ({
    page,
  }) => {
    await page.goto('/cases');
    const caseNo = page.getByTestId('queue-table').getByText(/AJ\d{18}/);
    await expect(caseNo.first()).toBeVisible();
    await screenshot(page, 'desktop-case-queue');
    await caseNo.first().click();
    await expect(page.getByTestId('case-no')).toContainText(/AJ\d{18}/);
    await expect(page.getByTestId('case-timeline')).toBeVisible();
    await expect(page.getByTestId('case-actions')).toBeVisible();
    await screenshot(page, 'desktop-case-detail');
  });
});
