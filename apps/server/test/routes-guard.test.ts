import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-app';
import { expectRefusal } from './refusal';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('every route declares its access', () => {
  it('has a permission and scope rule, or is marked public with a reason', () => {
    expect(t.routes.length).toBeGreaterThan(20);
    const undeclared = t.routes.filter((r) => !r.auth).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    for (const r of t.routes) {
      if (r.auth?.public) expect(r.auth.reason.length, `${r.method} ${r.url}`).toBeGreaterThan(3);
      else expect(['subtree', 'self', 'global']).toContain(r.auth?.scope);
    }
  });

  it('lists the public API routes explicitly, so a new one is a conscious choice', () => {
    const publicApi = t.routes
      .filter((r) => r.auth?.public && r.url.startsWith('/api') && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicApi).toEqual([
      'GET /api/demo-accounts',
      'GET /api/health',
      'GET /api/openapi.json',
      // The citizen's 查询码 receipt: report, track, rate, ask to reopen (throttled per address); the 问题类型 list.
      // The map pick's outlines and area list, place search (names and points only) and the photo and phone look-up.
      // The open board (moderated text and photos, no places of sensitive classes), its figures, the challenge
      // every anonymous write solves, and "+1" (docs/public-board.md).
      'GET /api/public/area-list',
      'GET /api/public/areas',
      'GET /api/public/board',
      'GET /api/public/board/photos/:id',
      'GET /api/public/cases/:caseNo',
      'GET /api/public/categories',
      'GET /api/public/challenge',
      'GET /api/public/duplicates',
      'GET /api/public/figures',
      'GET /api/public/places',
      'POST /api/auth/login',
      'POST /api/public/board/:id/support',
      'POST /api/public/cases',
      'POST /api/public/cases/:caseNo/rating',
      'POST /api/public/cases/:caseNo/reopen',
      'POST /api/public/lookup',
      'POST /api/public/lookup/code',
      'POST /api/public/photos',
    ]);
  });

  it('refuses anonymous calls to every guarded API route with 401', async () => {
    for (const r of t.routes.filter(
      (x) => !x.auth?.public && x.method !== 'HEAD' && x.url.startsWith('/api'),
    )) {
      const url = r.url.replace(/:(\w+)/g, 'x');
      const res = await t.app.inject({ method: r.method as 'GET', url });
      expect(res.statusCode, `${r.method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });
});

describe('system', () => {
  it('answers health with the database kind and schema version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(['sqlite', 'postgres']).toContain(body.database);
    expect(body.schemaVersion).toMatch(/^\d{4}-/);
  });

  it('serves OpenAPI 3 generated from the zod schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(
      doc.paths['/api/areas/locate'].get.parameters.map((p: { name: string }) => p.name),
    ).toEqual(expect.arrayContaining(['lng', 'lat', 'crs']));
    expect(doc.paths['/api/auth/login'].post.requestBody).toBeDefined();
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expectRefusal(res, { status: 404, code: 'not_found' });
  });
});
