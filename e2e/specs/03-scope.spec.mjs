import { expect, gridCount, screenshot, test } from '../lib/fixtures.mjs';

test.use({ viewport: { width: 1280, height: 800 }, user: 'g001_admin' });

test('a grid administrator sees only their own grid, on the map and through the API', async ({
  page,
}) => {
  const count = await gridCount(page);
  const tree = await page.request.get('/api/areas/tree?level=grid');
  expect(tree.status()).toBe(200);
  expect((await tree.json()).items, 'grids g001_admin sees through the API').toHaveLength(1);
  expect(count, 'grids on the map for g001_admin').toBe(1);
  await screenshot(page, 'desktop-map-g001_admin');
});
