import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebApp } from './static.plugin';

describe('the field app is served under /field/ beside the staff app', () => {
  const dist = mkdtempSync(join(tmpdir(), 'wangge-dist-'));
  const web = Fastify();
  beforeAll(async () => {
    mkdirSync(join(dist, 'field', 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>staff</title>');
    writeFileSync(join(dist, 'field', 'index.html'), '<!doctype html><title>field</title>');
    writeFileSync(join(dist, 'field', 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dist, 'field', 'assets', 'index-abc.js'), 'console.log(1)');
    await serveWebApp(web, dist);
  });
  afterAll(async () => {
    await web.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('/field leads to /field/, which is the field app’s page, never cached', async () => {
    const bare = await web.inject({ url: '/field' });
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('/field/');
    const page = await web.inject({ url: '/field/' });
    expect(page.statusCode).toBe(200);
    expect(page.payload).toContain('<title>field</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('the service worker is re-checked on every load; hashed assets are cached for good', async () => {
    const sw = await web.inject({ url: '/field/sw.js' });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['content-type']).toMatch(/javascript/);
    expect(sw.headers['cache-control']).toBe('no-cache');
    const js = await web.inject({ url: '/field/assets/index-abc.js' });
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});
