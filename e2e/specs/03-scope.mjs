import { assert, fetchJson } from '../lib/util.mjs';

export const name = 'scope';

export async function run(ctx) {
  const page = await ctx.newPage({ viewport: { width: 1280, height: 800 } });
  await ctx.login(page, 'g001_admin');
  const count = await ctx.waitForGrids(page);

  const tree = await fetchJson(page, '/api/areas/tree?level=grid');
  assert(tree.status === 200, `GET /api/areas/tree?level=grid answered ${tree.status}`);
  const grids = tree.body?.items ?? [];
  assert(
    grids.length === 1,
    `g001_admin can see ${grids.length} grids through the API (expected 1)`,
  );
  assert(count === 1, `the map shows data-grids-loaded="${count}" for g001_admin (expected 1)`);
  await ctx.screenshot(page, 'desktop-map-g001_admin');
}
