// 12345 回传记录 (docs/12345.md): the centre sends a signed 派单 with an API token, the 受理员 accepts it, the 接单
// webhook fails while the centre is down (the log shows the attempt and the error), and once a fake centre listens
// on loopback an administrator sends it again by hand and it arrives, signed. Then the same log on a phone.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { expect, PASSWORD, PHONE, screenshot, scrollWidth, test } from '../lib/fixtures.mjs';

const SECRET = process.env.WANGGE_E2E_HOTLINE_SECRET;
const CENTRE_PORT = Number(process.env.WANGGE_E2E_HOTLINE_PORT);
const ORDER = `ZZ12345-E2E-${Date.now().toString(36)}`;

const sign = (ts, body) =>
  `sha256=${createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex')}`;

async function apiAs(playwright, baseURL, username) {
  const ctx = await playwright.request.newContext({ baseURL });
  const res = await ctx.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(res.ok(), await res.text()).toBeTruthy();
  const { csrfToken } = await res.json();
  return {
    ctx,
    get: async (url) => (await ctx.get(url)).json(),
    post: (url, data) => ctx.post(url, { data, headers: { 'x-csrf-token': csrfToken } }),
  };
}

/** A fake centre on loopback that checks each webhook's signature and keeps what it received. */
function startCentre() {
  const received = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const ts = req.headers['x-wangge-timestamp'];
      const ok = req.headers['x-wangge-signature'] === sign(ts, raw);
      if (ok) received.push(JSON.parse(raw));
      res.writeHead(ok ? 200 : 401).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(CENTRE_PORT, '127.0.0.1', () =>
      resolve({ received, close: () => server.close() }),
    ),
  );
}

test.use({ user: 'admin' });

test('a failed 接单 webhook is logged with its error and sent again by hand once the centre is up', async ({
  page,
  playwright,
  baseURL,
}) => {
  const admin = await apiAs(playwright, baseURL, 'admin');
  const intake = await apiAs(playwright, baseURL, 'intake');
  // The centre's API token (the administrator holds every permission; a real deployment gives it to the 'hotline' role).
  const token = (
    await (
      await admin.post('/api/auth/tokens', { name: 'e2e 12345', permissions: ['hotline.inbound'] })
    ).json()
  ).token;
  const [somewhere] = (await intake.get('/api/cases?limit=1')).items;
  const body = JSON.stringify({
    orderId: ORDER,
    deadline: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    lng: somewhere.position[0],
    lat: somewhere.position[1],
    address: '市民来电地址',
    description: '市民来电：小区门口路灯不亮',
  });
  const ts = Math.floor(Date.now() / 1000);
  const dispatched = await playwright.request.newContext({ baseURL }).then((ctx) =>
    ctx.post('/api/hotline/inbound/orders', {
      data: body,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'x-wangge-timestamp': String(ts),
        'x-wangge-signature': sign(ts, body),
      },
    }),
  );
  expect(dispatched.status(), await dispatched.text()).toBe(201);
  const { caseId } = await dispatched.json();
  const c = await intake.get(`/api/cases/${caseId}`);
  const accepted = await intake.post(`/api/cases/${caseId}/transitions`, {
    action: 'accept',
    version: c.version,
  });
  expect(accepted.ok(), await accepted.text()).toBeTruthy();

  // Nothing listens at the centre's address yet: the 接单 fails and waits for its retry.
  const rowOf = async () =>
    (await admin.get(`/api/hotline/deliveries?orderId=${ORDER}`)).items.find(
      (d) => d.kind === 'accept',
    );
  await expect
    .poll(async () => (await rowOf())?.attempts ?? 0, { timeout: 20_000 })
    .toBeGreaterThan(0);

  await page.goto('/config/hotline');
  await expect(page.getByRole('heading', { name: '12345 回传记录' })).toBeVisible();
  await expect(page.getByTestId('hotline-centre')).toContainText(`127.0.0.1:${CENTRE_PORT}`);
  // The demo's hotline history is in the log too, waiting for a centre that was never up.
  await expect(page.locator('tr[data-delivery-id]').first()).toBeVisible();
  await screenshot(page, 'hotline-deliveries-all-1440');
  await page.getByTestId('hotline-filter-order').locator('input').fill(ORDER);
  await page.getByTestId('hotline-filter-order').locator('input').press('Enter');
  const row = page.locator(`tr[data-delivery-id="${(await rowOf()).id}"]`);
  await expect(row).toContainText('接单');
  await expect(row).toContainText(ORDER);
  await expect(row.getByTestId('hotline-status')).toHaveText(/待发送|发送失败/);
  await expect(row).toContainText('ECONNREFUSED');
  await screenshot(page, 'hotline-deliveries-failed-1440');

  const centre = await startCentre();
  try {
    await row.getByTestId('hotline-redeliver').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect(page.getByText('已重新排入发送队列')).toBeVisible();
    await expect.poll(async () => (await rowOf()).status, { timeout: 20_000 }).toBe('delivered');
    expect(centre.received.filter((m) => m.orderId === ORDER).map((m) => m.type)).toContain(
      'accept',
    );
    await page.reload();
    await page.getByTestId('hotline-filter-order').locator('input').fill(ORDER);
    await page.getByTestId('hotline-filter-order').locator('input').press('Enter');
    await expect(row.getByTestId('hotline-status')).toHaveText('已送达');
    await row.locator('.ant-table-row-expand-icon').click();
    await expect(page.locator('.hotline-payload').first()).toContainText(`"orderId": "${ORDER}"`);
    await screenshot(page, 'hotline-deliveries-delivered-1440');
  } finally {
    centre.close();
  }
});

test.describe('on a phone', () => {
  test.use({ ...PHONE, user: 'admin' });
  test('the delivery log reads as cards without sideways scrolling', async ({ page }) => {
    await page.goto('/config/hotline');
    await expect(page.getByRole('heading', { name: '12345 回传记录' })).toBeVisible();
    await expect(page.locator('.hotline-cards .ant-card').first()).toBeVisible();
    await page.getByTestId('hotline-filter-order').locator('input').fill(ORDER);
    await page.getByTestId('hotline-filter-order').locator('input').press('Enter');
    await expect(page.locator('.hotline-cards .ant-card').first()).toContainText(ORDER);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(376);
    await screenshot(page, 'hotline-deliveries-375');
  });
});
