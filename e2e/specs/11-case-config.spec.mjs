import { createRequire } from 'node:module';
import { expect, login, screenshot, test } from '../lib/fixtures.mjs';

// exceljs is a dependency of the server workspace; the test reads and writes its xlsx with it.
const ExcelJS = createRequire(import.meta.url)('exceljs');

test.use({ user: 'admin' });

/** Picks the option whose text contains `text` in an open antd Select/Cascader dropdown. */
async function pick(page, text) {
  const option = page
    .locator(
      '.ant-select-dropdown:visible .ant-select-item-option, .ant-cascader-dropdown:visible .ant-cascader-menu-item',
    )
    .filter({ hasText: text })
    .first();
  await option.click();
}

test('an administrator adds a dispatch rule and the dispatcher sees it suggested at 派遣', async ({
  page,
  newPage,
}) => {
  test.setTimeout(180_000);
  // A case waiting for dispatch, as the dispatcher sees it, and a department the matrix does not suggest for it.
  const dispatcher = await newPage();
  await login(dispatcher, 'dispatcher');
  const queue = await (
    await dispatcher.request.get('/api/cases?state=pending_dispatch&limit=20')
  ).json();
  const kase = queue.items.find((c) => c.classCode && c.gridCode);
  expect(kase, 'a demo case waits for dispatch').toBeTruthy();
  const before = await (
    await dispatcher.request.get(
      `/api/dispatch-rules/suggest?classCode=${kase.classCode}&gridCode=${kase.gridCode}`,
    )
  ).json();
  const depts = (await (await page.request.get('/api/departments')).json()).items;
  const target = depts.find((d) => d.id !== before.primary?.id);

  await page.goto('/config/dispatch-rules');
  await expect(page.getByTestId('matrix-table')).toBeVisible();
  await screenshot(page, 'case-config-matrix');
  await page.getByTestId('matrix-add').click();
  const editor = page.getByTestId('matrix-editor');
  await editor.getByTestId('matrix-class').click();
  await page.keyboard.type(kase.classCode);
  // The search lists paths as “name code / …”: take the one ending in the class.
  await page
    .locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item')
    .filter({ hasText: new RegExp(`${kase.classCode}$`) })
    .first()
    .click();
  // The picker keeps its menu open after a search pick; a click on the dialog's title closes it (Escape would
  // close the dialog).
  await expect(editor.getByTestId('matrix-class')).toContainText('/');
  await page.locator('.ant-modal-title').click();
  // Wait for the class menu to be gone: while it fades out, the next pick could land on its items.
  await expect(page.locator('.ant-cascader-dropdown:visible')).toHaveCount(0);
  await editor.getByTestId('matrix-area').click();
  await page.keyboard.type(kase.gridCode);
  // The typed code leaves the one grid (options show names; the search also reads codes).
  await pick(page, '');
  await page.locator('.ant-modal-title').click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await editor.getByTestId('matrix-department').click();
  await page.keyboard.type(target.name);
  await pick(page, target.name);
  await page.locator('.ant-modal-title').click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await screenshot(page, 'case-config-matrix-add');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(editor).toBeHidden();
  await page.getByTestId('matrix-filter-class').fill(kase.classCode);
  await expect(page.getByTestId('matrix-table')).toContainText(target.name);
  // The change is in the page's own change log.
  await page.getByTestId('matrix-audit').click();
  await expect(page.getByTestId('audit-trail')).toContainText(target.name);
  await screenshot(page, 'case-config-matrix-audit');

  await dispatcher.goto(`/cases/${kase.id}`);
  await dispatcher.getByTestId('action-dispatch').click();
  const field = dispatcher.getByTestId('field-department');
  await expect(field).toContainText(target.name);
  await field.click();
  await expect(
    dispatcher.locator('.ant-select-item-option').filter({ hasText: target.name }),
  ).toContainText('建议');
  await screenshot(dispatcher, 'case-config-dispatch-suggested');
});

test('an administrator imports a 立结案标准 workbook: a changed limit becomes a new version', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const exported = await page.request.get('/api/registration-conditions/sheet.xlsx');
  expect(exported.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await exported.body());
  const ws = wb.worksheets[0];
  const header = ws.getRow(2).values.map((v) => String(v ?? ''));
  const limitCol = header.indexOf('处置时限');
  const classCol = header.indexOf('分类编码');
  expect(limitCol).toBeGreaterThan(0);
  // One condition gets a new limit; the other rows stay as exported.
  const row = ws.getRow(3);
  const classCode = String(row.getCell(classCol).value);
  row.getCell(limitCol).value = '9 工作日';
  const file = Buffer.from(await wb.xlsx.writeBuffer());

  await page.goto('/config/conditions');
  await page.getByTestId('sheet-import-registration_conditions').click();
  await page.locator('.ant-modal input[type=file]').setInputFiles({
    name: '立结案标准.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  await expect(page.getByTestId('sheet-file-name')).toContainText('立结案标准.xlsx');
  await page.getByTestId('sheet-dry-run').click();
  await expect(page.getByTestId('import-report')).toContainText('预检通过', { timeout: 30_000 });
  await screenshot(page, 'case-config-conditions-import-check');
  await page.getByTestId('sheet-commit').click();
  await expect(page.getByTestId('import-counts')).toContainText(/更新 1/, { timeout: 30_000 });
  await screenshot(page, 'case-config-conditions-import-done');
  const current = await (await page.request.get(`/api/categories/${classCode}/conditions`)).json();
  expect(current.items.some((c) => c.limitValue === 9 && c.limitType === 'work_day')).toBe(true);
});

test('the category dictionary: search, add a local 子类, refusal at the field', async ({
  page,
}) => {
  await page.goto('/config/categories');
  await expect(page.getByTestId('dict-table')).toBeVisible();
  await page.getByTestId('dict-search').locator('input').fill('垃圾');
  await expect(page.getByTestId('dict-table')).toContainText('06010');
  await screenshot(page, 'case-config-dictionary');
  await page.getByTestId('dict-add-06010').click();
  await page.getByTestId('dict-code').fill('06010991');
  await page.getByTestId('dict-name').fill('背街积存垃圾');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  // The server's code rule, shown at the code field.
  await expect(page.getByTestId('dict-editor')).toContainText('加 2 位');
  await page.getByTestId('dict-code').fill('0601099');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByTestId('dict-editor')).toBeHidden();
  await expect(page.getByTestId('dict-table')).toContainText('背街积存垃圾');
  await screenshot(page, 'case-config-dictionary-added');
});
