import { expect, gridCount, login, note, screenshot, test } from '../lib/fixtures.mjs';

test.use({ viewport: { width: 1366, height: 860 } });

test('admin logs in through the form and sees all grids; clicking one shows its code', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.locator('#username')).toBeVisible();
  await screenshot(page, 'desktop-login');

  await login(page, 'admin');
  // The administrator lands on the system pages (each role on its work: 14-roles), then opens the map.
  await expect(page, 'after login the administrator is on the users page').toHaveURL(
    (url) => url.pathname.startsWith('/users'),
    { timeout: 10_000 },
  );
  expect(await gridCount(page), 'grids on the map for admin').toBeGreaterThanOrEqual(300);
  await screenshot(page, 'desktop-map-admin');

  const box = await page.getByTestId('map').boundingBox();
  const detail = page.getByTestId('area-detail');
  // The centre should be inside a grid (they tile the district); try a few nearby points if not.
  const offsets = [
    [0, 0],
    [0.1, 0],
    [-0.1, 0],
    [0, 0.1],
    [0, -0.1],
    [0.15, 0.15],
  ];
  let shown = false;
  for (const [dx, dy] of offsets) {
    await page.mouse.click(box.x + (0.5 + dx) * box.width, box.y + (0.5 + dy) * box.height);
    const timeout = dx === 0 && dy === 0 ? 10_000 : 4_000;
    shown = await expect(detail)
      .toContainText(/\d{14}/, { timeout })
      .then(() => true)
      .catch(() => false);
    if (shown) {
      if (dx !== 0 || dy !== 0) note(`the map centre hit no grid; offset (${dx}, ${dy}) did`);
      break;
    }
  }
  expect(shown, 'clicking the map opens the area details with a 14-digit code').toBe(true);
  await screenshot(page, 'desktop-map-area-detail');
});
