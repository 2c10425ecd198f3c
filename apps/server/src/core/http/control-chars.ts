import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

// NUL and the other C0 control characters (tab, line feed and carriage return aside) have no place in any field a
// person types. PostgreSQL refuses NUL in text outright (a 500 from deep in the driver), SQLite stores it and cuts
// strings at it elsewhere: one refusal at the door, for every route, instead of a check per schema.

const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const MAX_DEPTH = 32;

/** The path of the first string holding a forbidden character, or null. Buffers and streams are not looked into. */
export function findControlChar(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return FORBIDDEN.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || Buffer.isBuffer(value))
    return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findControlChar(value[i], path ? `${path}.${i}` : String(i), depth + 1);
      if (hit !== null) return hit;
    }
    return null;
  }
  // Parsed query strings are objects of a prototype-less class; streams and dates are not input text.
  if (typeof (value as { pipe?: unknown }).pipe === 'function' || value instanceof Date)
    return null;
  for (const [k, v] of Object.entries(value)) {
    if (FORBIDDEN.test(k)) return path || k;
    const hit = findControlChar(v, path ? `${path}.${k}` : k, depth + 1);
    if (hit !== null) return hit;
  }
  return null;
}

/** Refuses requests whose query, path parameters or JSON body carry control characters: 400 with the field. */
export function installControlCharGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const field =
      findControlChar(req.query, '') ??
      findControlChar(req.params, '') ??
      findControlChar(req.body, '');
    if (field !== null)
      throw new AppError('validation_failed', '输入含有不允许的控制字符', {
        field: field || 'body',
      });
  });
}
