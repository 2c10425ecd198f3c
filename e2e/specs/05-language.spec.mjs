import { expect, gridCount, note, screenshot, test } from '../lib/fixtures.mjs';

const SWITCH_TEXT = /\bEN\b|English/i;
// A few words from the English UI: the menu, the header, the map status line.
const ENGLISH = /\b(Map|Sign out|Area tree|Departments|Users|grids|Search areas)\b/;

test.use({ viewport: { width: 1280, height: 800 }, user: 'admin' });

test('the language switch turns the UI English and back to Chinese', async ({ page }) => {
  await gridCount(page);

  const inHeader = page
    .locator('header, .ant-layout-header, [role="banner"]')
    .locator('button, select, [role="button"], a')
    .filter({ hasText: SWITCH_TEXT });
  let toggle = inHeader.first();
  if ((await inHeader.count()) === 0) {
    const anywhere = page
      .locator('button, select, [role="button"]')
      .filter({ hasText: SWITCH_TEXT });
    expect(
      await anywhere.count(),
      'a language switch (a button or select showing "EN" or "English") on the map page',
    ).toBeGreaterThan(0);
    note('the language switch is not inside the header');
    toggle = anywhere.first();
  }
  const before = await page.locator('body').innerText();
  expect(before.replace(/English/g, ''), 'the page before switching').not.toMatch(ENGLISH);

  if ((await toggle.evaluate((el) => el.tagName)) === 'SELECT') {
    const labels = await toggle.locator('option').allTextContents();
    const label = labels.find((l) => SWITCH_TEXT.test(l));
    expect(label, `an English option in the language select (${labels.join(', ')})`).toBeTruthy();
    await toggle.selectOption({ label });
  } else {
    await toggle.click();
  }

  await expect(page.locator('body'), 'English UI text after switching').toContainText(ENGLISH, {
    timeout: 5_000,
  });
  await screenshot(page, 'desktop-map-english');

  // And back to Chinese.
  const back = page
    .locator('button, select, [role="button"]')
    .filter({ hasText: /中文|ZH/ })
    .first();
  if ((await back.count()) > 0) {
    await back.click();
    await expect(page.locator('body')).toContainText('地图', { timeout: 5_000 });
  }
});
