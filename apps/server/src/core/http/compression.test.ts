import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { createUser, login } from '../../../test/factories';
import { COMPRESS_THRESHOLD, installCompression } from './compression';
import { serveWebApp } from './static.plugin';

describe('static files: the build compressed them once, the server sends them as they are', () => {
  const dist = mkdtempSync(join(tmpdir(), 'wangge-dist-'));
  const js = `console.log(${JSON.stringify('网格'.repeat(2000))});`;
  const web = Fastify();
  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>网格</title>');
    writeFileSync(join(dist, 'assets/app-abc123.js'), js);
    writeFileSync(join(dist, 'assets/app-abc123.js.br'), brotliCompressSync(js));
    writeFileSync(join(dist, 'assets/app-abc123.js.gz'), gzipSync(js));
    await installCompression(web);
    await serveWebApp(web, dist);
  });
  afterAll(async () => {
    await web.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('brotli to browsers that take it, gzip to the others, plain to the rest; hashed files cached for good', async () => {
    const get = (encoding?: string) =>
      web.inject({
        url: '/assets/app-abc123.js',
        headers: encoding ? { 'accept-encoding': encoding } : {},
      });
    const br = await get('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(js);
    expect(br.rawPayload.length).toBeLessThan(js.length / 10);

    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(js);

    const plain = await get();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.payload).toBe(js);
  });

  it('index.html is never cached', async () => {
    const res = await web.inject({ url: '/index.html', headers: { 'accept-encoding': 'br' } });
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});

describe('API answers above the threshold are compressed', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t, { username: 'boss', roles: ['admin'] });
    cookie = (await login(t, 'boss')).cookie;
  });
  afterAll(() => t?.close());

  it('a large JSON answer goes out brotli-compressed to a browser, plain to a client that did not ask', async () => {
    const ask = (encoding?: string) =>
      t.app.inject({
        url: '/api/openapi.json',
        headers: { cookie, ...(encoding ? { 'accept-encoding': encoding } : {}) },
      });
    const plain = await ask();
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESS_THRESHOLD);

    const br = await ask('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.payload);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
  });

  it('a small answer stays as it is', async () => {
    const res = await t.app.inject({ url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
