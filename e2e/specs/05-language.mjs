import { assert, waitForText } from '../lib/util.mjs';

export const name = 'language switch';

const SWITCH_TEXT = /\bEN\b|English/i;
// A few words from the English UI: the menu, the header, the map status line.
const ENGLISH = /\b(Map|Sign out|Area tree|Departments|Users|grids|Search areas)\b/;

export async function run(ctx) {
  const page = await ctx.newPage({ viewport: { width: 1280, height: 800 } });
  await ctx.login(page, 'admin');
  await ctx.waitForGrids(page);

  const inHeader = page
    .locator('header, .ant-layout-header, [role="banner"]')
    .locator('button, select, [role="button"], a')
    .filter({ hasText: SWITCH_TEXT });
  let toggle = inHeader.first();
  if ((await inHeader.count()) === 0) {
    const anywhere = page
      .locator('button, select, [role="button"]')
      .filter({ hasText: SWITCH_TEXT });
    assert(
      (await anywhere.count()) > 0,
      'no language switch (a button or select showing "EN" or "English") on the map page',
    );
    ctx.note('the language switch is not inside the header');
    toggle = anywhere.first();
  }
  const before = await page.locator('body').innerText();
  assert(
    !ENGLISH.test(before.replace(/English/g, '')),
    'the page already shows English UI text before switching',
  );

  if ((await toggle.evaluate((el) => el.tagName)) === 'SELECT') {
    const labels = await toggle.locator('option').allTextContents();
    const label = labels.find((l) => SWITCH_TEXT.test(l));
    assert(label, `the language select has no English option (${labels.join(', ')})`);
    await toggle.selectOption({ label });
  } else {
    await toggle.click();
  }

  const found = await waitForText(page, 'body', ENGLISH, 5_000).catch(() => null);
  assert(found, 'after clicking the language switch no English UI text appeared');
  await ctx.screenshot(page, 'desktop-map-english');

  // And back to Chinese.
  const back = page
    .locator('button, select, [role="button"]')
    .filter({ hasText: /中文|ZH/ })
    .first();
  if ((await back.count()) > 0) {
    await back.click();
    await waitForText(page, 'body', /地图/, 5_000);
  }
}
