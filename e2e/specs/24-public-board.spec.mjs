import AxeBuilder from '@axe-core/playwright';
import { expect, login, PHONE, screenshot, scrollWidth, test } from '../lib/fixtures.mjs';

// 民生平台's open side: a resident on a phone reports (the page solves the proof of work), sees the board where the
// words wait for review, a second resident at the same place is offered "+1" instead of a new report, a 受理员
// publishes the words, and they appear. The public pages pass axe with no serious or critical violation at 375 and
// 1440 px.
const RESIDENT = {
  ...PHONE,
  geolocation: { longitude: 113.7003, latitude: 34.7802 },
  permissions: ['geolocation'],
};
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const MARKER = `路面坑洼积水-${Date.now().toString(36)}`;

/** axe on the page as it stands: nothing serious or critical (each violation named with its nodes). */
async function accessible(page, what) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `${what}: axe serious/critical violations`,
  ).toEqual([]);
}

/** A class of the public list other than the one spec 08 reports with, so the two never meet as duplicates. */
async function pickClass(page) {
  const items = (await (await page.request.get('/api/public/categories')).json()).items;
  return items.find((c) => /^0/.test(c.code) && c.code !== '06010').code;
}

async function report(page, classCode, description) {
  await page.goto('/public/report');
  await expect(page.getByTestId('public-report-form')).toBeVisible();
  await page.getByTestId('public-address').fill('金水路 10 号旁');
  await page.getByTestId('public-category').click();
  // The code in brackets, as the option reads: '01001' alone also matches the 综治 class Z01001.
  await page.keyboard.type(`(${classCode})`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('public-category')).toContainText(`(${classCode})`);
  await page.getByTestId('public-description').fill(description);
  await page.getByRole('button', { name: /使用当前位置/ }).click();
  await expect(page.locator('form').filter({ hasText: '已获取位置' })).toBeVisible();
  await page.getByTestId('public-submit').click();
}

test('a resident reports with the proof of work, a second is offered +1, staff publish the words', async ({
  newPage,
}) => {
  test.setTimeout(120_000);
  const first = await newPage(RESIDENT);
  await first.goto('/public/report');
  const classCode = await pickClass(first);
  await report(first, classCode, `${MARKER}，车辆经过溅水`);
  // An earlier run may have left one at the place: then the offer comes first and this resident goes on anyway.
  const anyway = first.getByTestId('submit-anyway');
  const receipt = first.getByTestId('public-case-no');
  await expect(anyway.or(receipt)).toBeVisible({ timeout: 30_000 });
  if (await anyway.isVisible()) await anyway.click();
  await expect(receipt).toHaveText(/^AJ\d{18}$/, { timeout: 30_000 });

  // The board lists it at once, without the words until a 受理员 approves them.
  await first.goto('/public/board');
  await expect(first.getByTestId('board-item').first()).toBeVisible();
  await expect(first.getByTestId('board-list')).toContainText('内容审核中');
  await expect(first.getByTestId('board-list')).not.toContainText(MARKER);
  expect(await scrollWidth(first), 'the board’s width on a phone').toBeLessThanOrEqual(376);
  await screenshot(first, 'public-board-375');
  await accessible(first, 'board at 375');

  // A second resident (another device) at the same place and class: offered +1 instead of a new report.
  const second = await newPage(RESIDENT);
  await report(second, classCode, '这里路面有坑，下雨积水');
  const offer = second.getByTestId('duplicate-offer');
  await expect(offer).toBeVisible({ timeout: 30_000 });
  await screenshot(second, 'public-duplicate-offer-375');
  await accessible(second, 'duplicate offer at 375');
  await offer.getByRole('button', { name: /\+1/ }).first().click();
  await expect(second.getByText(/已 \+1|您已经 \+1/)).toBeVisible({ timeout: 30_000 });
  await expect(offer.getByTestId('board-supporters').first()).toContainText(/[1-9]\d* 人 \+1/);

  // The 受理员 publishes the words; they then show on the board.
  const staff = await newPage(DESKTOP);
  await login(staff, 'intake');
  await staff.goto('/public-moderation');
  const card = staff.getByTestId('moderation-item').filter({ hasText: MARKER });
  await expect(card).toBeVisible();
  await screenshot(staff, 'public-moderation-1440');
  await card.getByTestId('moderate-text-approve').click();
  await expect(staff.getByText('已处理')).toBeVisible();

  await first.goto('/public/board');
  await expect(first.getByTestId('board-list')).toContainText(MARKER);
  await screenshot(first, 'public-board-approved-375');
});

test('the public pages pass axe at 1440 and 375 px, and the report works by keyboard alone', async ({
  newPage,
}) => {
  test.setTimeout(120_000);
  for (const [size, options] of [
    ['1440', DESKTOP],
    ['375', PHONE],
  ]) {
    const page = await newPage(options);
    for (const path of ['/public/report', '/public/board', '/public/figures', '/public/track']) {
      await page.goto(path);
      await expect(page.locator('h1')).toBeVisible();
      if (path === '/public/figures')
        await expect(page.getByTestId('figures-streets')).toBeVisible({ timeout: 30_000 });
      if (path === '/public/board') await expect(page.getByTestId('board-list')).toBeVisible();
      await accessible(page, `${path} at ${size}`);
      if (size === '1440' || path === '/public/figures')
        await screenshot(page, `${path.slice(1).replace(/\W+/g, '-')}-${size}`);
    }
    expect(await scrollWidth(page), `figures width at ${size}`).toBeLessThanOrEqual(
      Number(size) + 1,
    );
  }

  // Keyboard only, no map, no position: the address typed and its search hit taken with the arrow keys, the
  // description typed, the form sent with Enter on the button.
  const page = await newPage({ ...PHONE, permissions: [] });
  await page.goto('/public/report');
  await page.getByTestId('public-address').focus();
  await page.keyboard.type('文化路10号');
  await expect(
    page.getByTestId('public-place-option').filter({ visible: true }).first(),
  ).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('public-place-status')).toContainText('已按地址定位');
  await page.getByTestId('public-description').focus();
  await page.keyboard.type('路灯不亮，晚上很黑，键盘提交');
  await page.getByTestId('public-submit').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('public-case-no')).toHaveText(/^AJ\d{18}$/, { timeout: 30_000 });
});
