// The field app (/field/, docs/field-app.md) on a phone: offline, a report with a photo and a 核查 answer wait in the
// outbox (IndexedDB), survive a reload from the service worker's shell, and are sent once when the network returns.
import { expect, note, PASSWORD, PHONE, screenshot, scrollWidth, test } from '../lib/fixtures.mjs';

/** A signed-in API client for setting the scene (the staff side of the loop). */
async function apiAs(playwright, baseURL, username) {
  const ctx = await playwright.request.newContext({ baseURL });
  const res = await ctx.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(res.ok(), await res.text()).toBeTruthy();
  const { csrfToken, user } = await res.json();
  return {
    user,
    get: async (url) => {
      const r = await ctx.get(url);
      expect(r.ok(), `${url}: ${await r.text()}`).toBeTruthy();
      return r.json();
    },
    post: (url, data) => ctx.post(url, { data, headers: { 'x-csrf-token': csrfToken } }),
    dispose: () => ctx.dispose(),
  };
}

/** A 核查 task for the demo 监督员: a 待核查 case in their street, sent to them by the 受理员. */
async function checkTaskFor(intake, inspectorId) {
  const { items } = await intake.get('/api/cases?state=pending_check&limit=50');
  for (const c of items) {
    const res = await intake.post(`/api/cases/${c.id}/transitions`, {
      action: 'send_check',
      version: c.version,
      assigneeId: inspectorId,
    });
    if (res.ok()) return res.json();
  }
  throw new Error('no 待核查 case the inspector may check');
}

/** The names of the field app's offline copies (IndexedDB), read in the page. */
function offlineCopies() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('wangge-field');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const keys = open.result.transaction('cache').objectStore('cache').getAllKeys();
      keys.onsuccess = () => resolve(keys.result.map(String));
    };
  });
}

/** A real JPEG drawn by the browser (the app compresses it through a canvas like a camera photo). */
async function jpeg(page) {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 800;
    c.height = 600;
    const g = c.getContext('2d');
    g.fillStyle = '#7a9';
    g.fillRect(0, 0, 800, 600);
    g.fillStyle = '#345';
    g.fillRect(200, 150, 400, 300);
    g.fillText(String(Date.now()), 20, 20);
    return c.toDataURL('image/jpeg', 0.9);
  });
  return {
    name: 'site.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from(dataUrl.split(',')[1], 'base64'),
  };
}

test('offline: a report with a photo and a 核查 answer are queued, then sent once when back online', async ({
  newPage,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const intake = await apiAs(playwright, baseURL, 'intake');
  const inspectorApi = await apiAs(playwright, baseURL, 'inspector');
  const task = await checkTaskFor(intake, inspectorApi.user.id);
  const [lng, lat] = task.position;
  note(`核查 task ${task.caseNo} at ${lng}, ${lat}`);

  const page = await newPage({
    ...PHONE,
    serviceWorkers: 'allow',
    permissions: ['geolocation'],
    geolocation: { longitude: lng, latitude: lat, accuracy: 12 },
  });
  const context = page.context();
  await page.goto('/field/');
  await page.locator('#field-username').fill('inspector');
  await page.locator('#field-password').fill(PASSWORD);
  await page.getByTestId('field-login').click();
  await expect(page.getByTestId('net')).toHaveText('在线');
  // The shell is cached once the service worker controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), {
      timeout: 15_000,
    })
    .toBe(true);
  // Categories, tasks and the grid are copied for offline as soon as the app is online — without opening their tabs.
  await expect(page.getByTestId('category-search')).toBeVisible();
  await expect
    .poll(() => page.evaluate(offlineCopies), { timeout: 15_000 })
    .toEqual(expect.arrayContaining(['categories', `tasks:${inspectorApi.user.id}`]));
  // The grid (boundary, staff, open cases) is the largest copy and may land after the others.
  await expect
    .poll(async () => (await page.evaluate(offlineCopies)).some((k) => k.startsWith('grid:')), {
      timeout: 15_000,
    })
    .toBe(true);

  await context.setOffline(true);
  await expect(page.getByTestId('net')).toHaveText('离线');
  // 上报 offline.
  const text = `离线上报 e2e ${Date.now()}`;
  await page.getByTestId('category-search').fill('垃圾');
  await page.locator('.chips .chip').first().click();
  await page.getByTestId('locate').click();
  await expect(page.getByTestId('position')).toContainText('精度 ±12 米');
  await page.getByTestId('adjust-on-map').click();
  await expect(page.getByTestId('field-map')).toBeVisible();
  await page.getByTestId('address').fill('文化路 12 号东侧');
  await page.getByTestId('description').fill(text);
  await page.getByTestId('photo-input').setInputFiles(await jpeg(page));
  await expect(page.locator('.thumb')).toHaveCount(1);
  await screenshot(page, 'field-report-offline');
  expect(await scrollWidth(page), 'the report screen’s width').toBeLessThanOrEqual(376);
  await page.getByTestId('report-submit').click();
  await expect(page.getByTestId('report-message')).toHaveText('已保存，联网后自动发送');

  // 核查 offline.
  await page.getByTestId('tab-tasks').click();
  const card = page.locator(`[data-testid="task"][data-case-no="${task.caseNo}"]`);
  await card.getByTestId('task-check_pass').click();
  await card.getByTestId('task-photo-input').setInputFiles(await jpeg(page));
  await card.getByTestId('task-submit').click();
  await expect(card.getByTestId('task-queued')).toBeVisible();

  // A reload offline comes from the service worker; the outbox is still there.
  await page.reload();
  await page.getByTestId('tab-queue').click();
  await expect(page.getByTestId('op')).toHaveCount(2);
  await expect(page.locator('[data-testid="op"][data-status="waiting"]')).toHaveCount(2);
  await screenshot(page, 'field-queue-offline');

  await context.setOffline(false);
  await expect(page.locator('[data-testid="op"][data-status="sent"]')).toHaveCount(2, {
    timeout: 30_000,
  });
  await screenshot(page, 'field-queue-sent');

  // The centre's queue has the report once; the task was done once.
  const found = await intake.get(`/api/cases?q=${encodeURIComponent(text)}`);
  expect(found.items, 'cases with the offline report’s text').toHaveLength(1);
  expect(found.items[0].photos, 'the photo taken offline').toHaveLength(1);
  const after = await intake.get(`/api/cases/${task.id}`);
  expect(after.state).toBe('pending_close');
  const events = (await intake.get(`/api/cases/${task.id}/events`)).items;
  expect(events.filter((e) => e.action === 'check_pass')).toHaveLength(1);

  // Sending again changes nothing.
  await page.getByTestId('send-now').click();
  await page.waitForTimeout(500);
  expect((await intake.get(`/api/cases?q=${encodeURIComponent(text)}`)).items).toHaveLength(1);
  await intake.dispose();
  await inspectorApi.dispose();
});

test('a task reassigned while the phone was offline comes back as a conflict, shown until discarded', async ({
  newPage,
  playwright,
  baseURL,
}) => {
  const intake = await apiAs(playwright, baseURL, 'intake');
  const inspectorApi = await apiAs(playwright, baseURL, 'inspector');
  const { items } = await inspectorApi.get('/api/cases?state=pending_acceptance&limit=20');
  let task = null;
  for (const c of items) {
    const res = await intake.post(`/api/cases/${c.id}/transitions`, {
      action: 'send_verify',
      version: c.version,
      assigneeId: inspectorApi.user.id,
    });
    if (res.ok()) {
      task = await res.json();
      break;
    }
  }
  expect(task, 'a 待受理 case sent to the inspector for 核实').toBeTruthy();
  const grid = (await intake.get(`/api/areas/search?q=${task.gridCode}`)).items.find(
    (a) => a.code === task.gridCode,
  );
  const staff = (await intake.get(`/api/areas/${grid.id}`)).staff;
  expect(staff.length, 'grid staff to reassign to').toBeGreaterThan(0);

  const page = await newPage({ ...PHONE });
  await page.goto('/field/');
  await page.locator('#field-username').fill('inspector');
  await page.locator('#field-password').fill(PASSWORD);
  await page.getByTestId('field-login').click();
  await page.getByTestId('tab-tasks').click();
  const card = page.locator(`[data-testid="task"][data-case-no="${task.caseNo}"]`);
  await expect(card).toBeVisible();

  await page.context().setOffline(true);
  await card.getByTestId('task-verify_false').click();
  await card.getByRole('textbox').fill('现场未发现该问题');
  await card.getByTestId('task-submit').click();
  await expect(card.getByTestId('task-queued')).toBeVisible();
  // Meanwhile the centre gives the 核实 to someone else.
  const now = await intake.get(`/api/cases/${task.id}`);
  const moved = await intake.post(`/api/cases/${task.id}/transitions`, {
    action: 'reassign_verify',
    version: now.version,
    assigneeId: staff[0].userId,
  });
  expect(moved.ok(), await moved.text()).toBeTruthy();

  await page.context().setOffline(false);
  await page.getByTestId('tab-queue').click();
  const op = page.locator('[data-testid="op"][data-status="conflict"]');
  await expect(op).toHaveCount(1, { timeout: 30_000 });
  await expect(op.getByTestId('op-reason')).not.toBeEmpty();
  await screenshot(page, 'field-queue-conflict');
  expect((await intake.get(`/api/cases/${task.id}`)).state, 'the answer changed nothing').toBe(
    'verifying',
  );
  await op.getByRole('button', { name: '丢弃' }).click();
  await op.getByTestId('confirm-discard').click();
  await expect(page.locator('[data-testid="op"][data-status="conflict"]')).toHaveCount(0);

  // English on request; on a wide screen the app keeps its phone column.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('tab-queue')).toHaveText('Outbox');
  await page.getByTestId('tab-report').click();
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, 'field-report-en-1440');
  await page.getByRole('button', { name: '中文' }).click();
  await intake.dispose();
  await inspectorApi.dispose();
});

test('巡查: a position every N seconds while on patrol, a check-in, the track stored and shown', async ({
  newPage,
  playwright,
  baseURL,
}) => {
  const intake = await apiAs(playwright, baseURL, 'intake');
  const inspectorApi = await apiAs(playwright, baseURL, 'inspector');
  const [lng, lat] = (await inspectorApi.get('/api/cases?limit=1')).items[0].position;
  const page = await newPage({
    ...PHONE,
    permissions: ['geolocation'],
    geolocation: { longitude: lng, latitude: lat, accuracy: 10 },
  });
  // N = 1 s on this device, so the walk takes seconds.
  await page.addInitScript(() => localStorage.setItem('wangge-field-patrol-seconds', '1'));
  await page.goto('/field/');
  await page.locator('#field-username').fill('inspector');
  await page.locator('#field-password').fill(PASSWORD);
  await page.getByTestId('field-login').click();
  await page.getByTestId('tab-patrol').click();
  await page.getByTestId('patrol-start').click();
  const stats = page.getByTestId('patrol-stats');
  await expect(stats).toHaveAttribute('data-points', /^[1-9]/);
  for (let i = 1; i <= 4; i++) {
    await page
      .context()
      .setGeolocation({ longitude: lng + i * 0.0005, latitude: lat, accuracy: 10 });
    await expect
      .poll(async () => Number(await stats.getAttribute('data-points')))
      .toBeGreaterThan(i);
  }
  await page.getByRole('textbox').fill('东门打卡');
  await page.getByTestId('patrol-checkin').click();
  await expect(stats).toContainText('1 次打卡');
  await screenshot(page, 'field-patrol-active');
  const recorded = Number(await stats.getAttribute('data-points'));
  await page.getByTestId('patrol-stop').click();

  const server = page.getByTestId('patrol-server');
  await expect
    .poll(async () => Number((await server.getAttribute('data-points').catch(() => null)) ?? 0), {
      timeout: 30_000,
    })
    .toBeGreaterThanOrEqual(recorded);
  await expect(page.getByTestId('patrol-map')).toBeVisible();
  await screenshot(page, 'field-patrol-track');
  expect(await scrollWidth(page), 'the patrol screen’s width').toBeLessThanOrEqual(376);

  // The centre sees the patrol in its area, with the track and the check-in.
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const list = (await intake.get(`/api/patrols?date=${today}`)).items.filter(
    (p) => p.userId === inspectorApi.user.id,
  );
  expect(list.length).toBeGreaterThan(0);
  const detail = await intake.get(`/api/patrols/${list[0].id}`);
  expect(detail.endedAt).not.toBeNull();
  expect(detail.track.length).toBeGreaterThanOrEqual(recorded);
  expect(detail.distanceM).toBeGreaterThan(100);
  expect(detail.checkins.map((c) => c.note)).toEqual(['东门打卡']);

  // 我的网格: the worker's area, its outline and open cases.
  await page.getByTestId('tab-grid').click();
  await expect(page.getByTestId('grid-name')).toBeVisible();
  await expect(page.getByTestId('grid-map')).toBeVisible();
  await screenshot(page, 'field-grid');
  expect(await scrollWidth(page), 'the grid screen’s width').toBeLessThanOrEqual(376);
  await intake.dispose();
  await inspectorApi.dispose();
});
