import type { LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../src/core/auth/password';
import type { TestApp } from './test-app';

export const PASSWORD = 'Password-123';

type Ring = [number, number][];
export const rect = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ] as Ring,
  ],
});

export function feature(
  code: string,
  name: string,
  level: string,
  geometry: unknown,
  extra: Record<string, unknown> = {},
) {
  return { type: 'Feature', properties: { code, name, level, ...extra }, geometry };
}

export const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });

/**
 * A small city: district 410101, streets 001 (west) and 002 (east), one community each,
 * two grids per community (A west half, B east half).
 */
export const CITY = {
  district: '410101',
  streetW: '410101001',
  streetE: '410101002',
  communityW: '410101001001',
  communityE: '410101002001',
  gridA: '41010100100101',
  gridB: '41010100100102',
  gridC: '41010100200101',
  gridD: '41010100200102',
  /** A point inside each grid */
  inA: [113.025, 34.05] as [number, number],
  inB: [113.075, 34.05] as [number, number],
  inC: [113.125, 34.05] as [number, number],
};

export function cityFeatures() {
  return fc([
    feature(CITY.district, '测试区', 'district', rect(113.0, 34.0, 113.2, 34.1)),
    feature(CITY.streetW, '西街道', 'street', rect(113.0, 34.0, 113.1, 34.1)),
    feature(CITY.streetE, '东街道', 'street', rect(113.1, 34.0, 113.2, 34.1)),
    feature(CITY.communityW, '西社区', 'community', rect(113.0, 34.0, 113.1, 34.1)),
    feature(CITY.communityE, '东社区', 'community', rect(113.1, 34.0, 113.2, 34.1)),
    feature(CITY.gridA, '西社区第1网格', 'grid', rect(113.0, 34.0, 113.05, 34.1)),
    feature(CITY.gridB, '西社区第2网格', 'grid', rect(113.05, 34.0, 113.1, 34.1)),
    feature(CITY.gridC, '东社区第1网格', 'grid', rect(113.1, 34.0, 113.15, 34.1)),
    feature(CITY.gridD, '东社区第2网格', 'grid', rect(113.15, 34.0, 113.2, 34.1)),
  ]);
}

export async function seedCity(t: TestApp): Promise<void> {
  const s = t.services;
  const r = await s.areas.import(
    s.system,
    { geojson: cityFeatures(), crs: 'wgs84', dryRun: false },
    null,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
}

let hash: Promise<string> | null = null;

export async function createUser(
  t: TestApp,
  o: {
    username: string;
    roles: string[];
    areaCodes?: string[];
    phone?: string;
    displayName?: string;
  },
) {
  hash ??= hashPassword(PASSWORD);
  return t.services.users.createDirect({
    username: o.username,
    displayName: o.displayName ?? o.username,
    phone: o.phone ?? null,
    passwordHash: await hash,
    roles: o.roles,
    areaCodes: o.areaCodes ?? [],
  });
}

/** A logged-in browser session: cookie plus CSRF token, with request helpers. */
export interface Session {
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, opts?: { csrf?: boolean }): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

export async function login(t: TestApp, username: string, password = PASSWORD): Promise<Session> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0]! : String(setCookie);
  const cookie = raw.split(';')[0]!;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const headers = (withCsrf: boolean) => ({
    cookie,
    ...(withCsrf ? { 'x-csrf-token': csrf } : {}),
  });
  return {
    cookie,
    csrf,
    get: (url) => t.app.inject({ method: 'GET', url, headers: headers(false) }),
    post: (url, body, o) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: headers(o?.csrf ?? true),
        ...(body !== undefined ? { payload: body as object } : {}),
      }),
    patch: (url, body) =>
      t.app.inject({ method: 'PATCH', url, headers: headers(true), payload: body as object }),
    put: (url, body) =>
      t.app.inject({ method: 'PUT', url, headers: headers(true), payload: body as object }),
    del: (url) => t.app.inject({ method: 'DELETE', url, headers: headers(true) }),
  };
}

export async function userSession(
  t: TestApp,
  o: Parameters<typeof createUser>[1],
): Promise<Session> {
  await createUser(t, o);
  return login(t, o.username);
}

export const errorCode = (res: LightMyRequestResponse): string | undefined =>
  (res.json() as { error?: { code?: string } }).error?.code;
