import type { FastifyInstance } from 'fastify';

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Request body limits. Every route gets a small default; only the routes named in ROUTE_BODY_LIMITS may
 * receive more. Fastify refuses a body whose Content-Length is over the limit with 413 before reading a
 * byte of it, and stops reading a chunked body as soon as it passes the limit, so a large body costs the
 * server at most the limit in memory.
 */
export const BODY_LIMITS = {
  /** JSON APIs of signed-in users: the largest schema-bounded form (366 calendar rows) is ~25 KiB. */
  default: 64 * KiB,
  /** Routes anyone can call without an account: a citizen's report is 2,000 characters at most. */
  public: 16 * KiB,
} as const;

/** The routes that need more than the default, keyed by `METHOD url` as registered. */
export const ROUTE_BODY_LIMITS: Readonly<Record<string, number>> = {
  // A username and a password.
  'POST /api/auth/login': 4 * KiB,
  // A district's GeoJSON boundaries; features and vertices are limited again by the import (area-import).
  'POST /api/areas/import': 32 * MiB,
  // 部件 CSV/GeoJSON text inside a JSON body.
  'POST /api/components/import': 16 * MiB,
  // 一标三实 spreadsheets (modules/imports IMPORT_MAX_BYTES): a 100,000-row person file is ~8 MB.
  'POST /api/imports/:kind': 30 * MiB,
  // Case-configuration workbooks (imports/config-sheets.routes.ts): a few thousand rows at most.
  'POST /api/categories/sheet': 5 * MiB,
  'POST /api/dispatch-rules/sheet': 5 * MiB,
  'POST /api/registration-conditions/sheet': 5 * MiB,
  // Photos and videos (attachments: the largest kind, a 50 MB video, plus slack); streamed to disk.
  'POST /api/attachments': 50 * MiB + KiB,
  // A citizen's photo (public-cases PUBLIC_PHOTO_MAX_BYTES, 10 MB, plus slack); held in memory, counted by quotas.
  'POST /api/public/photos': 10 * MiB + KiB,
  // An Open311 request form: 2,000 characters of Chinese text percent-encoded is ~18 KiB, plus the other fields.
  'POST /open311/v2/requests.json': 64 * KiB,
  'POST /open311/v2/requests.xml': 64 * KiB,
};

/** The limit a route gets: its table entry, else the public or the signed-in default. */
export function bodyLimitFor(method: string, url: string, isPublic: boolean): number {
  return (
    ROUTE_BODY_LIMITS[`${method} ${url}`] ?? (isPublic ? BODY_LIMITS.public : BODY_LIMITS.default)
  );
}

/**
 * Sets each route's `bodyLimit` from the table as it registers. A route that declares its own limit must
 * agree with the table, so the table stays the one place to read (and review) every limit.
 */
export function installBodyLimits(app: FastifyInstance): void {
  app.addHook('onRoute', (opts) => {
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    const isPublic = !opts.url.startsWith('/api') || opts.config?.auth?.public === true;
    const limits = new Set(methods.map((m) => bodyLimitFor(String(m), opts.url, isPublic)));
    const limit = Math.max(...limits);
    if (opts.bodyLimit !== undefined && opts.bodyLimit !== limit)
      throw new Error(
        `${methods.join(',')} ${opts.url}: bodyLimit ${opts.bodyLimit} differs from ROUTE_BODY_LIMITS (${limit}); declare it in core/http/body-limits.ts`,
      );
    opts.bodyLimit = limit;
  });
}
