import { expect, login, PHONE, screenshot, scrollWidth, test } from '../lib/fixtures.mjs';

// Open311 接口密钥 (docs/open311.md §7): an administrator issues a partner key (shown once), the partner submits a
// request with it through /open311/v2/ and it reaches the case queue as an Open311 case; the key is revoked and
// refused from then on. The same page on a 375 px phone.
test.use({ user: 'admin' });

test('an administrator issues a partner key, the partner submits with it, the key is revoked', async ({
  page,
  newPage,
}) => {
  await page.goto('/config/open311');
  await expect(page.getByRole('heading', { name: 'Open311 接口密钥' })).toBeVisible();
  const name = `市民通 ${Date.now().toString(36)}`;
  await page.getByTestId('open311-name').fill(name);
  await page.getByTestId('open311-issue').click();
  const secret = page.getByTestId('open311-secret');
  await expect(secret).toContainText('o311_');
  const apiKey = (await secret.innerText()).trim();
  await screenshot(page, 'open311-key-issued-1440');
  await page.getByRole('button', { name: /OK|确\s*定/ }).click();
  await expect(secret).toBeHidden();

  // Listed by its prefix; the key itself is not on the page any more.
  const row = page.getByTestId('open311-keys').locator('tr', { hasText: name });
  await expect(row).toContainText(apiKey.slice(0, 11));
  await expect(row).toContainText('有效');
  expect(await page.content()).not.toContain(apiKey);
  await screenshot(page, 'open311-keys-1440');

  // The jurisdiction the interface answers to, as partners will send it.
  await page.getByTestId('open311-jurisdiction').fill('wangge.e2e.example');
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/api/open311/settings') && r.request().method() === 'PUT',
  );
  await page.getByTestId('open311-settings-save').click();
  expect((await saved).status()).toBe(200);

  // The partner's request, as a partner system sends it: a form with the key, a service and a point.
  const [anyCase] = (await (await page.request.get('/api/cases?limit=1')).json()).items;
  const [lng, lat] = anyCase.position;
  const form = {
    api_key: apiKey,
    jurisdiction_id: 'wangge.e2e.example',
    service_code: '06010',
    lat: String(lat),
    long: String(lng),
    description: '端到端测试：小区门口垃圾堆放',
  };
  const sent = await page.request.post('/open311/v2/requests.json', { form });
  expect(sent.status(), await sent.text()).toBe(201);
  const [{ service_request_id: caseNo }] = await sent.json();
  await page.goto(`/cases?q=${caseNo}`);
  await expect(page.getByText(caseNo).first()).toBeVisible();
  const found = (await (await page.request.get(`/api/cases?q=${caseNo}`)).json()).items;
  expect(found.map((c) => c.source)).toEqual(['open311']);

  // Revoked: the row says so and the key is refused with the spec's 403.
  await page.goto('/config/open311');
  // antd spaces out a two-character label (吊 销): the button is found by its test id.
  const revoke = row.locator('[data-testid^="open311-revoke-"]');
  await revoke.click();
  await page.getByRole('button', { name: /OK|确\s*定/ }).click();
  await expect(row).toContainText('已吊销');
  await expect(revoke).toHaveCount(0);
  const refused = await page.request.post('/open311/v2/requests.json', { form });
  expect(refused.status()).toBe(403);
  expect((await refused.json())[0].code).toBe(403);

  // On a phone the keys are cards, and nothing sticks out sideways.
  const phone = await newPage(PHONE);
  await login(phone, 'admin');
  await phone.goto('/config/open311');
  const card = phone.getByTestId('open311-keys').locator('.ant-list-item', { hasText: name });
  await expect(card).toContainText('已吊销');
  await expect(card).toContainText(apiKey.slice(0, 11));
  expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
  await card.scrollIntoViewIfNeeded();
  await screenshot(phone, 'open311-keys-375');
});
