import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** One year, the value HSTS preload lists ask for. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The origin of a configured basemap tile template, as a CSP source. Templates such as
 * `https://t{0-7}.tianditu.gov.cn/…` name several hosts; the templated label and those left of it
 * become the `*.` wildcard CSP allows.
 */
export function basemapSource(template: string | null): string | null {
  if (!template) return null;
  const m = /^(https?):\/\/([^/?#]+)/i.exec(template);
  if (!m) return null;
  const labels = m[2]!.split('.');
  const last = labels.findLastIndex((l) => l.includes('{'));
  const host = last < 0 ? labels.join('.') : ['*', ...labels.slice(last + 1)].join('.');
  return `${m[1]!.toLowerCase()}://${host}`;
}

/**
 * The Content-Security-Policy of the web app and the API. Scripts only from our origin (Vite emits no
 * inline script); styles also inline, because antd writes its CSS-in-JS into <style> tags at run time;
 * images from blob:/data: for OpenLayers canvases exported as images, photo previews and the icon;
 * workers from blob: (OpenLayers builds some from blobs). Nothing from another origin except the
 * configured basemap's tiles, and no page may frame ours.
 */
export function contentSecurityPolicy(basemapUrl: string | null): Record<string, string[]> {
  const tiles = basemapSource(basemapUrl);
  const extra = tiles ? [tiles] : [];
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...extra],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...extra],
    'media-src': ["'self'", 'blob:'],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

export interface SecurityHeaderOptions {
  basemapUrl: string | null;
  /** The site is served only over HTTPS (WANGGE_SECURE_COOKIES=1): HSTS on every answer. */
  httpsOnly: boolean;
}

/** Whether this request reached us over HTTPS: directly, or through a trusted proxy's X-Forwarded-Proto. */
export const isHttps = (req: FastifyRequest, httpsOnly: boolean): boolean =>
  httpsOnly || req.protocol === 'https';

/**
 * Security headers on every answer (API, web app, 404s) through @fastify/helmet: CSP, nosniff,
 * X-Frame-Options DENY, Referrer-Policy. HSTS only on HTTPS answers: sent over plain HTTP it would be
 * ignored at best, and on a deployment that has no HTTPS it must never be promised.
 */
export async function installSecurityHeaders(
  app: FastifyInstance,
  opts: SecurityHeaderOptions,
): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: contentSecurityPolicy(opts.basemapUrl),
    },
    // Cross-origin isolation would refuse the basemap's tiles; the CSP above is what limits origins.
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    // Full URLs stay on our origin; other origins (the basemap) learn only which site asks.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (req, reply) => {
    if (isHttps(req, opts.httpsOnly)) reply.header('strict-transport-security', HSTS);
  });
}
