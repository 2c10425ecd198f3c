import {
  expect,
  gridCount,
  login,
  PHONE,
  screenshot,
  scrollWidth,
  test,
} from '../lib/fixtures.mjs';

test.use(PHONE);

test('g001_admin on a 375×740 phone: map fills the screen, no horizontal scroll', async ({
  page,
}) => {
  await page.goto('/login');
  await expect(page.locator('#username')).toBeVisible();
  await screenshot(page, 'phone-login');
  expect(await scrollWidth(page), 'the login page’s width').toBeLessThanOrEqual(376);

  await login(page, 'g001_admin');
  expect(await gridCount(page), 'grids on the map').toBe(1);
  const map = page.getByTestId('map');
  await expect(map).toBeVisible();
  const box = await map.boundingBox();
  expect(box.width, 'map width').toBeGreaterThanOrEqual(300);
  expect(box.height, 'map height').toBeGreaterThanOrEqual(300);
  await screenshot(page, 'phone-map');
  expect(await scrollWidth(page), 'the map page’s width').toBeLessThanOrEqual(376);
});

test.describe('logged in', () => {
  test.use({ user: 'g001_admin' });

  test('tapping the grid on a phone opens its details', async ({ page }) => {
    await gridCount(page);
    const box = await page.getByTestId('map').boundingBox();
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByTestId('area-detail')).toContainText(/\d{14}/, { timeout: 10_000 });
    await page.waitForTimeout(400); // let the drawer finish sliding in
    await screenshot(page, 'phone-area-detail');
    expect(await scrollWidth(page), 'the page’s width with the details open').toBeLessThanOrEqual(
      376,
    );
  });
});
