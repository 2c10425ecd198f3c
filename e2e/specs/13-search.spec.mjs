import { expect, screenshot, scrollWidth, test } from '../lib/fixtures.mjs';

// Search (issue 11 #4, #8): a case by its number on the queue, a person by a full ID number through the reason
// dialog, and the queue table at 1440 and 375 px with nothing cut off.

test.describe('case queue at a desk', () => {
  test.use({ viewport: { width: 1440, height: 900 }, user: 'admin' });

  test('finds a case by its number, kept in the URL, and the table fits at 1440 px', async ({
    page,
  }) => {
    const list = await (await page.request.get('/api/cases?limit=5')).json();
    expect(list.items.length, 'demo cases').toBeGreaterThan(1);
    const wanted = list.items[1].caseNo;
    await page.goto('/cases');
    await expect(
      page
        .getByTestId('queue-table')
        .getByText(/AJ\d{18}/)
        .first(),
    ).toBeVisible();
    // Nothing cut off: the table is no wider than its card, and the last column's header is inside the window.
    const fits = await page.evaluate(() => {
      const body = document.querySelector(
        '[data-testid="queue-table"] .ant-table-content, [data-testid="queue-table"] .ant-table-body',
      );
      const last = [...document.querySelectorAll('[data-testid="queue-table"] th')].pop();
      return {
        overflow: body ? body.scrollWidth - body.clientWidth : 0,
        lastRight: last ? last.getBoundingClientRect().right : 0,
      };
    });
    expect(fits.overflow, 'the table scrolls sideways at 1440 px').toBeLessThanOrEqual(1);
    expect(fits.lastRight).toBeLessThanOrEqual(1440);
    await screenshot(page, 'queue-1440');
    await page.getByTestId('queue-search').locator('input').fill(wanted.slice(-8));
    await page.getByTestId('queue-search').locator('input').press('Enter');
    await expect(page).toHaveURL(new RegExp(`q=${wanted.slice(-8)}`));
    const rows = page.getByTestId('queue-table').locator('tr.case-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(wanted);
    await screenshot(page, 'queue-search-1440');
    await page.reload();
    await expect(page.getByTestId('queue-table').locator('tr.case-row')).toHaveCount(1);
  });
});

test.describe('case queue on a phone', () => {
  test.use({
    viewport: { width: 375, height: 740 },
    isMobile: true,
    hasTouch: true,
    user: 'admin',
  });

  test('shows cards with the number first, no sideways scroll', async ({ page }) => {
    await page.goto('/cases');
    await expect(page.locator('.case-card').first()).toBeVisible();
    await expect(page.locator('.case-card__no').first()).toContainText(/AJ\d{18}/);
    expect(await scrollWidth(page), 'the queue page’s width').toBeLessThanOrEqual(376);
    await screenshot(page, 'queue-375');
  });
});

test.describe('persons', () => {
  test.use({ viewport: { width: 1440, height: 900 }, user: 'admin' });

  test('finds a person by a full ID number through the reason dialog', async ({ page }) => {
    const persons = await (await page.request.get('/api/persons?limit=1')).json();
    expect(persons.items.length, 'demo persons').toBe(1);
    const csrf = (await (await page.request.get('/api/auth/me')).json()).csrfToken;
    const full = await (
      await page.request.post(`/api/persons/${persons.items[0].id}/unmask`, {
        data: { reason: '浏览器测试取号', fields: ['idNumber'] },
        headers: csrf ? { 'x-csrf-token': csrf } : {},
      })
    ).json();
    expect(full.idNumber, 'unmasked for the test').toMatch(/^\d{17}[\dX]$/);
    await page.goto('/persons');
    await page.getByTestId('person-id-search').click();
    await page.getByTestId('person-id-search-value').fill(full.idNumber);
    const dialog = page.getByRole('dialog');
    await dialog.locator('textarea').fill('核实来电人身份');
    await dialog.getByRole('button', { name: /查\s?找/ }).click();
    await expect(page.getByTestId('person-id-results')).toContainText(
      persons.items[0].name.slice(0, 1),
    );
    await screenshot(page, 'person-id-search');
  });
});
