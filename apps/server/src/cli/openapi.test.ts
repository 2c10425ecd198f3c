import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { openApiDocument } from './openapi';

// The web app's typed client is generated from openApiDocument(); it must describe the API the server serves.
describe('OpenAPI document without a running server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('has the same paths and operations as /api/openapi.json', async () => {
    const built = (await openApiDocument()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const served = res.json<{ paths: Record<string, Record<string, unknown>> }>();
    const ops = (doc: { paths: Record<string, Record<string, unknown>> }) =>
      Object.entries(doc.paths)
        .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`))
        .sort();
    expect(ops(built)).toEqual(ops(served));
    expect(ops(built)).toContain('GET /api/cases/{id}');
    expect(built.openapi).toMatch(/^3\./);
  });
});
