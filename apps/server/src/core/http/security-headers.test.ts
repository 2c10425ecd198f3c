import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { createUser, PASSWORD } from '../../../test/factories';
import { basemapSource, contentSecurityPolicy } from './security-headers';

let direct: TestApp;
let proxied: TestApp;

/** A test app built with these environment variables set (config is read from the environment). */
async function appWithEnv(env: Record<string, string>): Promise<TestApp> {
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await createTestApp();
  } finally {
    for (const [k, v] of Object.entries(before))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

beforeAll(async () => {
  direct = await createTestApp();
  // Behind a proxy on the loopback address (inject's default client address).
  proxied = await appWithEnv({ WANGGE_TRUST_PROXY: '127.0.0.1' });
  for (const t of [direct, proxied]) await createUser(t, { username: 'boss', roles: ['admin'] });
});
afterAll(async () => Promise.all([direct?.close(), proxied?.close()]));

const login = (t: TestApp, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers,
    payload: { username: 'boss', password: PASSWORD },
  });

describe('security headers', () => {
  it('sends CSP, nosniff, frame and referrer policies on API answers, errors and app paths', async () => {
    for (const url of ['/api/health', '/api/no-such-route', '/map', '/public/report']) {
      const res = await direct.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/https?:\/\//);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      // Plain HTTP: no HSTS promise.
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('marks the session cookie Secure and sends HSTS only when the request came over HTTPS', async () => {
    const plain = await login(direct, { 'x-forwarded-proto': 'https' });
    expect(plain.statusCode).toBe(200);
    // An untrusted client cannot claim HTTPS.
    expect(String(plain.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    expect(plain.headers['strict-transport-security']).toBeUndefined();

    const viaProxy = await login(proxied, { 'x-forwarded-proto': 'https' });
    expect(viaProxy.statusCode).toBe(200);
    expect(String(viaProxy.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    expect(viaProxy.headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );

    const httpViaProxy = await login(proxied, { 'x-forwarded-proto': 'http' });
    expect(String(httpViaProxy.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    expect(httpViaProxy.headers['strict-transport-security']).toBeUndefined();
  });

  it('admits the configured basemap origin for tiles and nothing else', () => {
    expect(basemapSource('https://t{0-7}.tianditu.gov.cn/img_w/wmts?tk=KEY&x={x}')).toBe(
      'https://*.tianditu.gov.cn',
    );
    expect(basemapSource('http://tiles.example.org:8080/{z}/{x}/{y}.png')).toBe(
      'http://tiles.example.org:8080',
    );
    expect(basemapSource('/tiles/{z}/{x}/{y}.png')).toBeNull();
    const csp = contentSecurityPolicy('https://tiles.example.org/{z}/{x}/{y}.png');
    expect(csp['img-src']).toContain('https://tiles.example.org');
    expect(csp['script-src']).toEqual(["'self'"]);
  });
});
