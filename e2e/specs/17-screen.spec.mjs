import { expect, login, note, screenshot, test } from '../lib/fixtures.mjs';

const FULL_HD = { width: 1920, height: 1080 };
test.use({ viewport: FULL_HD, user: 'jd_leader' });

test('a street leader’s 大屏 draws its figures, map and ranking, and shows a new report without a reload', async ({
  page,
  newPage,
}) => {
  await page.goto('/screen');
  await expect(page.getByTestId('screen-live')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('screen-area')).not.toHaveText('…');
  const reported = page.getByTestId('screen-count-reported');
  await expect(reported).toHaveText(/^\d+$/);
  const before = Number(await reported.textContent());
  // The map drew the street's outlines and the latest reports; the ranking chart its canvas.
  const map = page.getByTestId('screen-map');
  await expect(map.locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('screen-ranking').locator('canvas')).toBeVisible();
  const pointsBefore = Number((await map.getAttribute('data-reports')) ?? '0');
  note(`today: ${before} reported; ${pointsBefore} reports on the map`);
  await screenshot(page, 'screen-1920');

  // A grid worker of the street reports through the API; the screen hears it on the live stream.
  const inspector = await newPage();
  await login(inspector, 'inspector');
  const csrf = (await (await inspector.request.get('/api/auth/me')).json()).csrfToken;
  const grids = (await (await inspector.request.get('/api/areas/tree?level=grid')).json()).items;
  const grid = await (await inspector.request.get(`/api/areas/${grids[0].id}`)).json();
  const res = await inspector.request.post('/api/cases', {
    data: {
      lng: grid.center[0],
      lat: grid.center[1],
      crs: 'wgs84',
      address: '建设路 8 号',
      description: '井盖缺失',
      classCode: '06010',
    },
    headers: { 'x-csrf-token': csrf },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { caseNo } = await res.json();

  await expect(reported, 'today’s reports count the new case').toHaveText(String(before + 1), {
    timeout: 15_000,
  });
  await expect(map, 'the newest point on the map is the new case').toHaveAttribute(
    'data-newest',
    caseNo,
  );
  await expect(page.getByTestId('screen-latest').locator('li').first()).toBeVisible();
  // Nothing personal on the screen: neither the address nor the description of the report.
  await expect(page.locator('body')).not.toContainText('建设路 8 号');
  await expect(page.locator('body')).not.toContainText('井盖缺失');
  await screenshot(page, 'screen-1920-updated');
});

test('the leader finds 大屏 in the menu; a grid worker does not', async ({ page, newPage }) => {
  await page.goto('/overview');
  await expect(page.getByRole('menuitem', { name: /大屏/ })).toBeVisible();
  const worker = await newPage();
  await login(worker, 'inspector');
  await worker.goto('/cases');
  await expect(worker.getByRole('menuitem', { name: /大屏/ })).toHaveCount(0);
});
