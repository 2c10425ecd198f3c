import { assert, centreOf, waitForText } from '../lib/util.mjs';

export const name = 'phone layout';

const PHONE = {
  viewport: { width: 375, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

async function horizontalOverflow(page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

export function run({ test }) {
  test('g001_admin on a 375×740 phone: map fills the screen, no horizontal scroll', async (ctx) => {
    const page = await ctx.newPage(PHONE);
    await page.goto('/login');
    await page.locator('#username').waitFor();
    const loginWidth = await horizontalOverflow(page);
    await ctx.screenshot(page, 'phone-login');
    assert(
      loginWidth.scrollWidth <= 376,
      `the login page scrolls sideways: scrollWidth ${loginWidth.scrollWidth} > 375`,
    );

    await ctx.login(page, 'g001_admin');
    const count = await ctx.waitForGrids(page);
    assert(count === 1, `data-grids-loaded="${count}" (expected 1)`);
    const map = page.getByTestId('map');
    assert(await map.isVisible(), 'the map is not visible');
    const { box } = await centreOf(map);
    assert(
      box.width >= 300 && box.height >= 300,
      `the map is only ${Math.round(box.width)}×${Math.round(box.height)} px`,
    );
    const { scrollWidth } = await horizontalOverflow(page);
    await ctx.screenshot(page, 'phone-map');
    assert(
      scrollWidth <= 375 + 1,
      `the map page scrolls sideways: scrollWidth ${scrollWidth} > 375`,
    );
  });

  test('tapping the grid on a phone opens its details', async (ctx) => {
    const page = await ctx.newPage(PHONE);
    await ctx.login(page, 'g001_admin');
    await ctx.waitForGrids(page);
    const { x, y } = await centreOf(page.getByTestId('map'));
    await page.touchscreen.tap(x, y);
    await waitForText(page, '[data-testid="area-detail"]', /\d{14}/, 10_000);
    await page.waitForTimeout(400); // let the drawer finish sliding in
    const { scrollWidth } = await horizontalOverflow(page);
    await ctx.screenshot(page, 'phone-area-detail');
    assert(
      scrollWidth <= 375 + 1,
      `with the details open the page scrolls sideways: scrollWidth ${scrollWidth} > 375`,
    );
  });
}
