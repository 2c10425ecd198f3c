import { createRequire } from 'node:module';
import { assert, fetchJson, waitForText } from '../lib/util.mjs';

export const name = 'registry-import';

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

export function run({ test }) {
  test('a community leader imports a small xlsx, reads the report, and finds the person by name', async (ctx) => {
    const page = await ctx.newPage({ viewport: { width: 1280, height: 860 } });
    await ctx.login(page, 'sq_leader');
    const grids = await fetchJson(page, '/api/areas/tree?level=grid');
    assert(
      grids.status === 200 && grids.body.items.length > 0,
      'the community leader sees no grids',
    );
    const file = await personsXlsx(grids.body.items[0].code);

    await page.goto('/registry/import');
    await page.getByTestId('import-kind').waitFor();
    await page.getByTestId('import-pick').waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: '实有人口.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await waitForText(page, '[data-testid="import-file-name"]', /实有人口\.xlsx/);
    await page.getByTestId('import-dry-run').click();
    const summary = await waitForText(page, '[data-testid="import-report"]', /预检通过/, 20_000);
    assert(/2/.test(summary), `report does not count the two rows: ${summary}`);
    await ctx.screenshot(page, 'registry-import-report');
    await page.getByTestId('import-commit').click();
    await waitForText(page, '[data-testid="import-counts"]', /新增 2/, 20_000);

    await page.goto('/persons');
    const search = page
      .locator('input[data-testid="person-search"], [data-testid="person-search"] input')
      .first();
    await search.fill('诸葛');
    await search.press('Enter');
    await waitForText(page, '[data-testid="person-table"]', /诸\*+亮/, 15_000);
    await page.locator('[data-testid="person-table"] [data-person-id]').first().click();
    const title = await waitForText(page, '[data-testid="person-title"]', /诸葛明亮/, 15_000);
    assert(title.includes('诸葛明亮'), `detail shows ${title}`);
    const html = await page.content();
    assert(!html.includes('13912345678'), 'the phone number is shown unmasked');
    await ctx.screenshot(page, 'registry-import-person');

    // 按证件号码查找 is an unmasking: the number and a reason go in a POST body, never in a URL.
    const id = idNumber('41010519870512321');
    const urls = [];
    page.on('request', (req) => urls.push(req.url()));
    await page.goto('/persons');
    await page.getByTestId('person-id-search').click();
    await page.getByTestId('person-id-search-value').fill(id);
    await page.getByTestId('unmask-reason').fill('核实来电人身份');
    await page.getByTestId('unmask-submit').click();
    await waitForText(page, '[data-testid="person-id-results"]', /诸葛明亮/, 15_000);
    await ctx.screenshot(page, 'registry-id-search');
    assert(
      urls.some((u) => u.endsWith('/api/persons/lookup')),
      'the lookup was not sent',
    );
    assert(!urls.some((u) => u.includes(id)), 'the ID number appeared in a URL');
  });

  test('a grid worker without personal.unmask is not offered searches by full phone or ID number', async (ctx) => {
    const page = await ctx.newPage({ viewport: { width: 1280, height: 860 } });
    await ctx.login(page, 'g001_admin');
    for (const [path, testId, ready] of [
      ['/persons', 'person-id-search', 'persons-export'],
      ['/units', 'unit-phone-search', 'units-export'],
      ['/houses', 'house-phone-search', 'house-export'],
    ]) {
      await page.goto(path);
      await page.getByTestId(ready).waitFor();
      assert((await page.getByTestId(testId).count()) === 0, `${path} offers ${testId}`);
    }
  });
}
