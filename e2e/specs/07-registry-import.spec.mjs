import { createRequire } from 'node:module';
import { expect, screenshot, test } from '../lib/fixtures.mjs';

// exceljs is a dependency of the server workspace; the test writes its xlsx with it.
const ExcelJS = createRequire(import.meta.url)('exceljs');

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idNumber = (first17) =>
  first17 + '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0) % 11];

async function personsXlsx(gridCode) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('实有人口');
  ws.addRow(['姓名*', '证件号码*', '人口类型*', '联系电话', '所在网格编码']);
  ws.addRow(['诸葛明亮', idNumber('41010519870512321'), '流动人口', '13912345678', gridCode]);
  ws.addRow(['欧阳青', idNumber('41010519921103432'), '户籍人口', '', gridCode]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test.use({ viewport: { width: 1280, height: 860 } });

test.describe('community leader', () => {
  test.use({ user: 'sq_leader' });

  test('a community leader imports a small xlsx, reads the report, and finds the person by name', async ({
    page,
  }) => {
    const grids = await page.request.get('/api/areas/tree?level=grid');
    expect(grids.status()).toBe(200);
    const { items } = await grids.json();
    expect(items.length, 'grids the community leader sees').toBeGreaterThan(0);
    const file = await personsXlsx(items[0].code);

    await page.goto('/registry/import');
    await expect(page.getByTestId('import-kind')).toBeVisible();
    await expect(page.getByTestId('import-pick')).toBeVisible();
    await page.locator('input[type=file]').setInputFiles({
      name: '实有人口.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await expect(page.getByTestId('import-file-name')).toContainText('实有人口.xlsx');
    await page.getByTestId('import-dry-run').click();
    const report = page.getByTestId('import-report');
    await expect(report).toContainText('预检通过', { timeout: 20_000 });
    await expect(report, 'the report counts the two rows').toContainText('2');
    await screenshot(page, 'registry-import-report');
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-counts')).toContainText(/新增 2/, { timeout: 20_000 });

    await page.goto('/persons');
    const search = page
      .locator('input[data-testid="person-search"], [data-testid="person-search"] input')
      .first();
    await search.fill('诸葛');
    await search.press('Enter');
    await expect(page.getByTestId('person-table')).toContainText(/诸\*+亮/);
    await page.locator('[data-testid="person-table"] [data-person-id]').first().click();
    await expect(page.getByTestId('person-title')).toContainText('诸葛明亮');
    expect(await page.content(), 'the page holds the phone number unmasked').not.toContain(
      '13912345678',
    );
    await screenshot(page, 'registry-import-person');

    // 按证件号码查找 is an unmasking: the number and a reason go in a POST body, never in a URL.
    const id = idNumber('41010519870512321');
    const urls = [];
    page.on('request', (req) => urls.push(req.url()));
    await page.goto('/persons');
    await page.getByTestId('person-id-search').click();
    await page.getByTestId('person-id-search-value').fill(id);
    await page.getByTestId('unmask-reason').fill('核实来电人身份');
    await page.getByTestId('unmask-submit').click();
    await expect(page.getByTestId('person-id-results')).toContainText('诸葛明亮');
    await screenshot(page, 'registry-id-search');
    expect(
      urls.some((u) => u.endsWith('/api/persons/lookup')),
      'the lookup was sent',
    ).toBe(true);
    expect(
      urls.filter((u) => u.includes(id)),
      'URLs holding the ID number',
    ).toEqual([]);
  });
});

test.describe('grid worker', () => {
  test.use({ user: 'g001_admin' });

  test('a grid worker without personal.unmask is not offered searches by full phone or ID number', async ({
    page,
  }) => {
    for (const [path, testId, ready] of [
      ['/persons', 'person-id-search', 'persons-export'],
      ['/units', 'unit-phone-search', 'units-export'],
      ['/houses', 'house-phone-search', 'house-export'],
    ]) {
      await page.goto(path);
      await expect(page.getByTestId(ready)).toBeVisible();
      await expect(page.getByTestId(testId), `${path} offers ${testId}`).toHaveCount(0);
    }
  });
});
