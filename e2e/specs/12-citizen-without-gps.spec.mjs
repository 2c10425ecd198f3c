import sharp from 'sharp';
import { expect, login, PHONE, screenshot, scrollWidth, test } from '../lib/fixtures.mjs';

// Citizens on a 375 px phone who did NOT allow the device position: one picks the place on the map, another types
// an address and takes it from the search, attaches a photo, leaves a phone, and later finds the report by phone and
// a one-time code. A 受理员 logged in beside them sees the same state the citizen is told.
const NO_GPS_PHONE = { ...PHONE, permissions: [] };
test.use(NO_GPS_PHONE);

const staffState = async (staff, caseNo) => {
  const list = await staff.request.get('/api/cases?limit=200');
  const found = (await list.json()).items.find((c) => c.caseNo === caseNo);
  expect(found, `staff see ${caseNo}`).toBeTruthy();
  await staff.goto(`/cases/${found.id}`);
  await expect(staff.getByTestId('case-no')).toContainText(caseNo);
  return { id: found.id, label: (await staff.getByTestId('case-state').textContent()).trim() };
};

async function fillAndSubmit(page, description) {
  await page.getByTestId('public-description').fill(description);
  await page.getByTestId('public-submit').click();
  await expect(page.getByTestId('public-case-no')).toHaveText(/^AJ\d{18}$/);
  return {
    caseNo: (await page.getByTestId('public-case-no').textContent()).trim(),
    secret: (await page.getByTestId('public-secret').textContent()).trim(),
  };
}

test('without GPS a citizen picks the place on the map, and sees the state staff see', async ({
  page,
  newPage,
}) => {
  await page.goto('/public/report');
  await expect(page.getByTestId('public-report-form')).toBeVisible();
  // The form is there before the map: the map is a chunk of its own, drawn from the public outlines.
  const map = page.locator('[data-testid="public-map"] [data-grids-loaded]');
  await expect(map).toBeAttached({ timeout: 30_000 });
  expect(Number(await map.getAttribute('data-grids-loaded')), 'grids drawn').toBeGreaterThan(0);

  // The device position is refused: the page says so, and the map still works.
  await page.getByRole('button', { name: /使用当前位置/ }).click();
  await expect(page.getByText(/无法获取位置/)).toBeVisible();
  await page.getByTestId('public-address').fill('小区东门外的人行道');
  const box = await page.getByTestId('public-map').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('public-place-status')).toContainText('已在地图上选择');
  await screenshot(page, 'citizen-map-pick-375');
  expect(await scrollWidth(page), 'the report page’s width').toBeLessThanOrEqual(376);

  const receipt = await fillAndSubmit(page, '人行道上井盖破损，夜里容易绊倒');
  await page.getByTestId('public-track-now').click();
  await expect(page.getByTestId('public-status')).toContainText('待受理');

  // The same page on a desktop, for a resident at home.
  const desk = await newPage({ viewport: { width: 1440, height: 900 } });
  await desk.goto('/public/report');
  await expect(desk.locator('[data-testid="public-map"] [data-grids-loaded]')).toBeAttached({
    timeout: 30_000,
  });
  await screenshot(desk, 'citizen-report-1440');

  const staff = await newPage({ viewport: { width: 1440, height: 900 } });
  await login(staff, 'intake');
  const seen = await staffState(staff, receipt.caseNo);
  expect(seen.label, 'staff and citizen both read 待受理').toBe('待受理');
  await screenshot(staff, 'citizen-map-pick-staff-1440');
});

test('without GPS a citizen types an address, attaches a photo, and finds the case by phone and code', async ({
  page,
  newPage,
}) => {
  await page.goto('/public/report');
  await expect(page.getByTestId('public-report-form')).toBeVisible();
  await page.getByTestId('public-address').fill('文化路10号');
  const option = page.getByTestId('public-place-option').filter({ visible: true }).first();
  await expect(option).toContainText('文化路10号');
  await screenshot(page, 'citizen-address-search-375');
  await option.click();
  await expect(page.getByTestId('public-place-status')).toContainText('已按地址定位');

  const jpeg = await sharp({
    create: { width: 640, height: 480, channels: 3, background: '#a33' },
  })
    .jpeg()
    .withExif({ IFD0: { Make: 'Citizen', Model: 'Phone' } })
    .toBuffer();
  await page
    .getByTestId('public-photo-input')
    .setInputFiles({ name: 'problem.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await expect(page.locator('.public-photo img')).toHaveCount(1);
  await page.getByTestId('public-phone').fill('13800001234');
  await screenshot(page, 'citizen-address-photo-375');
  expect(await scrollWidth(page), 'the report page’s width').toBeLessThanOrEqual(376);
  const receipt = await fillAndSubmit(page, '文化路10号门口垃圾桶满溢，无人清运');

  // Later, on another visit, without the receipt: phone + one-time code (shown on screen in the demo).
  const later = await newPage(NO_GPS_PHONE);
  await later.goto('/public/track');
  await later.getByTestId('track-by-phone').click();
  await later.getByTestId('lookup-phone').fill('13800001234');
  await later.getByTestId('lookup-get-code').click();
  const code = (await later.getByTestId('lookup-shown-code').textContent()).trim();
  expect(code).toMatch(/^\d{6}$/);
  await later.getByTestId('lookup-code').fill(code);
  await later.getByTestId('lookup-submit').click();
  const card = later.getByTestId('public-case').filter({ hasText: receipt.caseNo });
  await expect(card.getByTestId('public-status')).toContainText('待受理');
  await expect(card).toContainText('1 张');
  await screenshot(later, 'citizen-phone-lookup-375');
  expect(await scrollWidth(later), 'the lookup page’s width').toBeLessThanOrEqual(376);

  // The 受理员 accepts it: staff read 待立案, the citizen 已受理 (accepted, being registered).
  const staff = await newPage({ viewport: { width: 1440, height: 900 } });
  await login(staff, 'intake');
  const before = await staffState(staff, receipt.caseNo);
  expect(before.label).toBe('待受理');
  await staff.getByTestId('action-accept').click();
  await staff.getByTestId('action-submit').click();
  await expect(staff.getByTestId('case-state')).toHaveText('待立案');
  await screenshot(staff, 'citizen-accepted-staff-1440');

  await page.getByTestId('public-track-now').click();
  await expect(page.getByTestId('public-status')).toContainText('已受理');
  await screenshot(page, 'citizen-accepted-375');
});
