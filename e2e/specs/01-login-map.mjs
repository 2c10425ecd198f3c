import { assert, centreOf, waitForText } from '../lib/util.mjs';

export const name = 'login + map';

export function run({ test }) {
  test('admin logs in through the form and sees all grids; clicking one shows its code', async (ctx) => {
    const page = await ctx.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await page.locator('#username').waitFor();
    await ctx.screenshot(page, 'desktop-login');

    await ctx.login(page, 'admin');
    // The default route after login is the map (possibly via a redirect from /).
    await page
      .waitForURL((url) => url.pathname.startsWith('/map'), { timeout: 10_000 })
      .catch(() => {
        throw new Error(`after login expected the map, got ${page.url()}`);
      });

    const count = await ctx.waitForGrids(page);
    assert(count >= 300, `data-grids-loaded="${count}", expected at least 300 grids for admin`);
    await ctx.screenshot(page, 'desktop-map-admin');

    const map = page.getByTestId('map');
    const { x, y, box } = await centreOf(map);
    // The centre should be inside a grid (they tile the district); try a few nearby points if not.
    const offsets = [
      [0, 0],
      [0.1, 0],
      [-0.1, 0],
      [0, 0.1],
      [0, -0.1],
      [0.15, 0.15],
    ];
    let text = null;
    for (const [dx, dy] of offsets) {
      await page.mouse.click(x + dx * box.width, y + dy * box.height);
      text = await waitForText(
        page,
        '[data-testid="area-detail"]',
        /\d{14}/,
        dx === 0 && dy === 0 ? 10_000 : 4_000,
      ).catch(() => null);
      if (text) {
        if (dx !== 0 || dy !== 0) ctx.note(`the map centre hit no grid; offset (${dx}, ${dy}) did`);
        break;
      }
    }
    assert(text, 'clicking the map did not open [data-testid="area-detail"] with a 14-digit code');
    await ctx.screenshot(page, 'desktop-map-area-detail');
  });
}
