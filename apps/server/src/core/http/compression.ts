import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Responses smaller than this go out as they are: compressing them costs more than the bytes it saves. */
export const COMPRESS_THRESHOLD = 1024;

/**
 * Compresses API responses above the threshold (brotli at a low quality, which is as fast as gzip and smaller, or
 * gzip for clients without brotli). What compresses well is text: JSON, GeoJSON, text, JavaScript, CSS, SVG — never
 * the live event stream (each event must reach the browser as it happens), photos or xlsx files (already compressed).
 * The web app's files are compressed once at build time (apps/web/precompress.ts) and served as they are.
 */
export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    threshold: COMPRESS_THRESHOLD,
    encodings: ['br', 'gzip'],
    customTypes:
      /^(?:text\/(?!event-stream)|application\/(?:[\w.+-]*\+)?(?:json|javascript|xml)|image\/svg\+xml)/,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
