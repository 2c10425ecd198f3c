import { expect, gridCount, screenshot, test } from '../lib/fixtures.mjs';

// Issue 11 #8, the smaller defects as a user meets them: the map search (Enter and the button, any part of a code,
// "no result"), the grid panel's counts, the unmask dialog's buttons in Chinese, and dates as YYYY-MM-DD in English.

test.use({ viewport: { width: 1440, height: 900 }, user: 'admin' });

const searchBox = (page) => page.getByTestId('area-search').locator('input');
const shownCode = (page) => page.getByTestId('area-detail').locator('[data-area-code]');

test('map search: Enter and the button search a code fragment, and say when nothing matches', async ({
  page,
}) => {
  await gridCount(page);
  // The middle of a grid code (street 002, community 003, grid 05): only a match anywhere finds it.
  await searchBox(page).fill('00200305');
  await searchBox(page).press('Enter');
  await expect(shownCode(page), 'the grid picked by Enter').toHaveAttribute(
    'data-area-code',
    '41019900200305',
  );

  await searchBox(page).fill('00100107');
  await page.getByTestId('area-search').locator('button').last().click();
  await expect(shownCode(page), 'the grid picked by the search button').toHaveAttribute(
    'data-area-code',
    '41019900100107',
  );

  await searchBox(page).fill('zzzz');
  await searchBox(page).press('Enter');
  await expect(page.getByTestId('area-search-empty')).toContainText('未找到');
  await screenshot(page, 'map-search-no-result-1440');
});

test('the grid panel shows the grid’s people, houses and open cases as the registers count them', async ({
  page,
}) => {
  // A grid of the demo community that has its 一标三实 registered.
  const person = (await (await page.request.get('/api/persons?limit=1')).json()).items[0];
  expect(person?.gridCode, 'a demo person placed in a grid').toBeTruthy();
  const area = (
    await (await page.request.get(`/api/areas/search?q=${person.gridCode}`)).json()
  ).items.find((a) => a.code === person.gridCode);
  const counts = await (await page.request.get(`/api/areas/${area.id}/counts`)).json();
  expect(counts.persons, 'people in that grid').toBeGreaterThan(0);

  await gridCount(page);
  await searchBox(page).fill(person.gridCode);
  await searchBox(page).press('Enter');
  await expect(shownCode(page)).toHaveAttribute('data-area-code', person.gridCode);
  await expect(page.getByTestId('area-count-persons')).toHaveText(String(counts.persons));
  await expect(page.getByTestId('area-count-houses')).toHaveText(String(counts.houses));
  await expect(page.getByTestId('area-count-open-cases')).toHaveText(String(counts.openCases));
  await screenshot(page, 'map-grid-counts-1440');
});

test('the unmask dialog’s buttons are Chinese in the Chinese UI', async ({ page }) => {
  await page.goto('/persons');
  await page.getByTestId('person-id-search').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // antd spaces a two-character label (取 消).
  await expect(dialog.getByRole('button', { name: /取\s?消/ })).toBeVisible();
  await expect(dialog.getByRole('button', { name: /cancel/i })).toHaveCount(0);
  await expect(dialog, 'no English button text').not.toContainText(/\b(Cancel|OK)\b/);
  await screenshot(page, 'unmask-dialog-zh-1440');
});

test('English dates read YYYY-MM-DD, without full-width colons', async ({ page }) => {
  await page.evaluate(() => window.localStorage.setItem('wangge.lang', 'en'));
  await page.goto('/cases');
  const table = page.getByTestId('queue-table');
  await expect(table.getByText(/AJ\d{18}/).first()).toBeVisible();
  await expect(table, 'report times as YYYY-MM-DD HH:mm').toContainText(
    /20\d\d-\d\d-\d\d \d\d:\d\d/,
  );
  const text = await table.innerText();
  expect(text, 'no DD/MM/YYYY date').not.toMatch(/\d\d\/\d\d\/\d{4}/);
  // A case page: its labels end in ": ", not "：".
  await table.locator('tr.case-row').first().click();
  await expect(page).toHaveURL(/\/cases\/[^/]+$/);
  await expect(page.getByTestId('case-no')).toContainText(/AJ\d{18}/);
  await expect(page.getByTestId('case-timeline'), 'timeline times').toContainText(
    /20\d\d-\d\d-\d\d \d\d:\d\d/,
  );
  // Case data may be Chinese; a "：" right after English text is the defect.
  expect(await page.locator('body').innerText(), 'full-width colon after English').not.toMatch(
    /[A-Za-z)]\s?：/,
  );
  await screenshot(page, 'case-english-1440');
  await page.evaluate(() => window.localStorage.setItem('wangge.lang', 'zh'));
});
