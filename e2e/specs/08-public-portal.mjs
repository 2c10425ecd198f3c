import { assert, waitForText } from '../lib/util.mjs';

export const name = 'citizen portal';

// A citizen on a phone, not logged in, with the device position inside the demo city.
const CITIZEN_PHONE = {
  viewport: { width: 375, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  geolocation: { longitude: 113.7, latitude: 34.78 },
  permissions: ['geolocation'],
};

async function scrollWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

export function run({ test }) {
  test('a citizen reports without logging in, gets the receipt once, and tracks it', async (ctx) => {
    const page = await ctx.newPage(CITIZEN_PHONE);
    await page.goto('/public/report');
    await page.getByTestId('public-report-form').waitFor();
    assert((await scrollWidth(page)) <= 376, 'the report page scrolls sideways at 375 px');

    await page.getByTestId('public-address').fill('金水路 8 号门前');
    await page.getByTestId('public-description').fill('人行道上堆放建筑垃圾，影响通行');
    // 问题类型 is optional; typed search over the grouped list picks one by its code.
    await page.getByTestId('public-category').click();
    await page.keyboard.type('06010');
    await page.keyboard.press('Enter');
    await waitForText(page, '[data-testid="public-category"]', /06010/);
    await page.getByRole('button', { name: /使用当前位置/ }).click();
    await waitForText(page, 'form', /已获取位置/);
    await page.getByTestId('public-submit').click();

    await waitForText(page, '[data-testid="public-case-no"]', /^AJ\d{18}$/);
    const caseNo = (await page.getByTestId('public-case-no').textContent()).trim();
    const secret = (await page.getByTestId('public-secret').textContent()).trim();
    assert(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/.test(secret), `secret looks wrong: ${secret}`);
    await ctx.screenshot(page, 'public-receipt');
    assert((await scrollWidth(page)) <= 376, 'the receipt scrolls sideways at 375 px');

    await page.getByTestId('public-track-now').click();
    await waitForText(page, '[data-testid="public-status"]', /已受理/);
    await waitForText(page, '[data-testid="public-milestones"]', /已提交/);
    await ctx.screenshot(page, 'public-track');
    assert((await scrollWidth(page)) <= 376, 'the tracking page scrolls sideways at 375 px');

    // A fresh visit: the number with a wrong secret tells nothing; the right one shows the case.
    const other = await ctx.newPage(CITIZEN_PHONE);
    await other.goto('/public/track');
    await other.getByTestId('track-case-no').fill(caseNo);
    await other.getByTestId('track-secret').fill('AAAA-AAAA-AAAA-AAAA');
    await other.getByTestId('track-submit').click();
    await waitForText(other, '[data-testid="track-error"]', /查询码或查询密码不正确/);
    await other.getByTestId('track-secret').fill(secret.toLowerCase());
    await other.getByTestId('track-submit').click();
    await waitForText(other, '[data-testid="public-status"]', /已受理/);
  });
}
