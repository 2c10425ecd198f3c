import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root: data/ and the built web app are found relative to it. */
export const ROOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * The built web app: apps/web/dist, or WANGGE_WEB_DIST (absolute) so that several browser-test runs in one checkout
 * each build and serve their own copy (the Vite config reads the same variable).
 */
export const WEB_DIST_DIR = process.env.WANGGE_WEB_DIST || join(ROOT_DIR, 'apps/web/dist');

const EnvSchema = z.object({
  DATABASE_URL: z.string().optional(),
  // The PostgreSQL schema holding the tables (default public): lets a second process join a test's schema.
  WANGGE_PG_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier')
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  WANGGE_DATA_DIR: z.string().optional(),
  WANGGE_ADMIN_PASSWORD: z.string().min(10).optional(),
  WANGGE_DATA_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, '64 hex characters (32 bytes)')
    .optional(),
  // Keys replaced by a rotation, still accepted for reading until `wangge rotate-data-key` has rewritten every value.
  WANGGE_DATA_KEY_PREVIOUS: z
    .string()
    .regex(/^([0-9a-f]{64})(,[0-9a-f]{64})*$/i, 'comma-separated 64-hex keys')
    .optional(),
  WANGGE_LOOKUP_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, '64 hex characters (32 bytes)')
    .optional(),
  WANGGE_BASEMAP_URL: z.string().url().optional(),
  WANGGE_BASEMAP_TYPE: z.enum(['xyz', 'wmts']).default('xyz'),
  WANGGE_GRID_SCHEME: z.enum(['cjt213', 'gbt47678', 'db11']).default('cjt213'),
  WANGGE_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  // Behind a reverse proxy: its address(es) or the number of proxy hops, so X-Forwarded-For/-Proto are
  // believed (client address for throttles; HTTPS for HSTS and Secure cookies). Unset: trust no one.
  WANGGE_TRUST_PROXY: z
    .string()
    .regex(
      /^(\d{1,2}|[0-9a-f.:/]+(,\s*[0-9a-f.:/]+)*|loopback)$/i,
      'a hop count, "loopback" or comma-separated proxy addresses/CIDRs',
    )
    .optional(),
  // Photos and videos one user may upload in any 24 hours, in MB (attachments).
  WANGGE_UPLOAD_QUOTA_MB: z.coerce.number().int().min(1).max(1_000_000).default(1024),
  // The 12345 hotline centre (modules/hotline, docs/12345.md): where our signed webhooks go, the shared HMAC secret
  // (both directions; never logged or shown), and the platform's own address as the centre reaches it (photo links).
  WANGGE_HOTLINE_URL: z.string().url().optional(),
  WANGGE_HOTLINE_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  WANGGE_PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema?: string | undefined };

export interface AppConfig {
  database: DatabaseConfig;
  port: number;
  host: string;
  dataDir: string;
  adminPassword: string | undefined;
  dataKey: string | undefined;
  previousDataKeys: string | undefined;
  lookupKey: string | undefined;
  basemap: { url: string | null; type: 'xyz' | 'wmts' };
  defaultGridScheme: 'cjt213' | 'gbt47678' | 'db11';
  /** Served only over HTTPS: Secure cookies and HSTS on every answer, not just on https requests. */
  secureCookies: boolean;
  /** Fastify's trustProxy: false, a hop count or proxy addresses. */
  trustProxy: boolean | number | string;
  logLevel: string;
  /** Bytes one user may upload in any 24 hours. */
  uploadQuotaBytesPerDay: number;
  /** The 12345 centre: webhook address and shared secret (null: not connected), our address for photo links. */
  hotline: { url: string | null; secret: string | null; publicUrl: string | null };
}

/** Reads the environment once; `overrides` lets the CLI's --db flag and tests pick a database. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: { dbFile?: string } = {},
): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`Bad environment: ${first?.path.join('.')}: ${first?.message}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.WANGGE_DATA_DIR ?? resolve(ROOT_DIR, 'data'));
  let database: DatabaseConfig;
  if (overrides.dbFile) database = { kind: 'sqlite', file: resolve(overrides.dbFile) };
  else if (e.DATABASE_URL && /^postgres(ql)?:/.test(e.DATABASE_URL))
    database = { kind: 'postgres', url: e.DATABASE_URL, schema: e.WANGGE_PG_SCHEMA };
  else if (e.DATABASE_URL?.startsWith('sqlite:'))
    database = { kind: 'sqlite', file: resolve(e.DATABASE_URL.slice(7)) };
  else database = { kind: 'sqlite', file: resolve(dataDir, 'wangge.db') };
  return {
    database,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    adminPassword: e.WANGGE_ADMIN_PASSWORD,
    dataKey: e.WANGGE_DATA_KEY,
    previousDataKeys: e.WANGGE_DATA_KEY_PREVIOUS,
    lookupKey: e.WANGGE_LOOKUP_KEY,
    basemap: { url: e.WANGGE_BASEMAP_URL ?? null, type: e.WANGGE_BASEMAP_TYPE },
    defaultGridScheme: e.WANGGE_GRID_SCHEME,
    secureCookies: e.WANGGE_SECURE_COOKIES === '1',
    trustProxy:
      e.WANGGE_TRUST_PROXY === undefined
        ? false
        : /^\d+$/.test(e.WANGGE_TRUST_PROXY)
          ? Number(e.WANGGE_TRUST_PROXY)
          : e.WANGGE_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    uploadQuotaBytesPerDay: e.WANGGE_UPLOAD_QUOTA_MB * 1024 * 1024,
    hotline: {
      url: e.WANGGE_HOTLINE_URL ?? null,
      secret: e.WANGGE_HOTLINE_SECRET ?? null,
      publicUrl: e.WANGGE_PUBLIC_URL ?? null,
    },
  };
}

export function ensureDir(path: string): void {
  if (!existsSync(path)) mkdirSync(path, { recursive: true });
}

export function ensureParentDir(file: string): void {
  ensureDir(dirname(file));
}
