import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const hasWebApp = (distDir: string): boolean => existsSync(join(distDir, 'index.html'));

/**
 * Serves the built web app. Files are looked up per request (wildcard), so a rebuild is
 * served without a restart; hashed assets are cached for good, index.html never. The build writes a brotli and a
 * gzip copy beside each text file (apps/web/precompress.ts), sent as they are to browsers that accept them.
 * Client-side routes fall through to the not-found handler, which answers index.html.
 */
export async function serveWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  // The field app (移动端, docs/field-app.md) is its own build under /field/; the bare path leads into it, since its
  // relative scope and service worker need the trailing slash.
  app.get('/field', (_req, reply) => reply.redirect('/field/'));
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    cacheControl: false,
    preCompressed: true,
    setHeaders: (res, path) => {
      res.setHeader(
        'cache-control',
        path.includes(`${join('/', 'assets', '/')}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
}
