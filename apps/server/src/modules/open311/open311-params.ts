import { MARKUP, OPEN311_MAX_REQUESTS, OPEN311_MAX_SPAN_DAYS } from '@wangge/shared';
import { badRequest } from './open311-errors';

// Parameters as the spec reads them: every value is text, and one sent empty is treated exactly as one not sent.

export type Params = Record<string, unknown>;

/** A parameter's text, or undefined when absent or empty; a repeated one is refused. */
export function text(p: Params, name: string, max = 200): string | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) throw badRequest(`${name} was sent more than once`);
  const s = String(v).trim();
  if (s === '') return undefined;
  if (s.length > max) throw badRequest(`${name} is longer than ${max} characters`);
  return s;
}

/** Comma-separated values, trimmed, empties dropped. */
export function list(p: Params, name: string, max = 200): string[] | undefined {
  const s = text(p, name, 20_000);
  if (s === undefined) return undefined;
  const items = [
    ...new Set(
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ];
  if (items.length > max) throw badRequest(`${name} lists more than ${max} values`);
  return items.length ? items : undefined;
}

/** Free text a person wrote: no markup or script, as on the portal. */
export function plain(p: Params, name: string, max: number): string | undefined {
  const s = text(p, name, max);
  if (s !== undefined && MARKUP.test(s))
    throw badRequest(`${name} must be plain text (no HTML or script)`);
  return s;
}

function number(p: Params, name: string, min: number, max: number): number | undefined {
  const s = text(p, name, 40);
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!/^[-+]?\d+(\.\d+)?$/.test(s) || !Number.isFinite(n))
    throw badRequest(`${name} must be a decimal number`);
  if (n < min || n > max) throw badRequest(`${name} must be between ${min} and ${max}`);
  return n;
}

/** WGS84 lat and long: both or neither. */
export function point(p: Params): { lat: number; long: number } | undefined {
  const lat = number(p, 'lat', -90, 90);
  const long = number(p, 'long', -180, 180);
  if ((lat === undefined) !== (long === undefined))
    throw badRequest('lat and long must be sent together');
  return lat === undefined ? undefined : { lat, long: long! };
}

// W3C ISO 8601 with a zone (Z or ±hh:mm); a date alone is read as midnight in China Standard Time.
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function datetime(p: Params, name: string): number | undefined {
  const s = text(p, name, 40);
  if (s === undefined) return undefined;
  const value = DATE_ONLY.test(s) ? `${s}T00:00:00+08:00` : s;
  const t = DATETIME.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(t))
    throw badRequest(
      `${name} must be an ISO 8601 date-time with a time zone, e.g. 2026-03-05T09:30:00+08:00`,
    );
  return t;
}

const DAY_MS = 24 * 3600_000;

/** start_date/end_date: at most 90 days apart; the default is the 90 days up to now (or around the one given). */
export function dateWindow(p: Params, nowMs: number): { from: string; to: string } {
  const start = datetime(p, 'start_date');
  const end = datetime(p, 'end_date');
  const span = OPEN311_MAX_SPAN_DAYS * DAY_MS;
  const from = start ?? (end ?? nowMs) - span;
  const to = end ?? (start !== undefined ? Math.min(start + span, Math.max(nowMs, start)) : nowMs);
  if (to < from) throw badRequest('end_date is before start_date');
  if (to - from > span)
    throw badRequest(`start_date and end_date may be at most ${OPEN311_MAX_SPAN_DAYS} days apart`);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** status=open, closed or both; undefined for both. */
export function status(p: Params): boolean | undefined {
  const v = list(p, 'status', 2);
  if (!v) return undefined;
  for (const s of v)
    if (s !== 'open' && s !== 'closed') throw badRequest('status must be open, closed or both');
  return v.length === 2 ? undefined : v[0] === 'open';
}

/** The page extension: 1-based page and page_size up to max_requests (default: the first 1000). */
export function page(p: Params): { limit: number; offset: number } {
  const size = number(p, 'page_size', 1, OPEN311_MAX_REQUESTS) ?? OPEN311_MAX_REQUESTS;
  const n = number(p, 'page', 1, 1_000_000) ?? 1;
  if (!Number.isInteger(size) || !Number.isInteger(n))
    throw badRequest('page and page_size must be whole numbers');
  return { limit: size, offset: (n - 1) * size };
}

/** bbox=minLng,minLat,maxLng,maxLat (WGS84). */
export function bbox(p: Params): [number, number, number, number] | undefined {
  const v = list(p, 'bbox', 4);
  if (!v) return undefined;
  const n = v.map(Number);
  const [x0, y0, x1, y1] = n as [number, number, number, number];
  if (
    n.length !== 4 ||
    n.some((x) => !Number.isFinite(x)) ||
    x0 > x1 ||
    y0 > y1 ||
    x0 < -180 ||
    x1 > 180 ||
    y0 < -90 ||
    y1 > 90
  )
    throw badRequest('bbox must be minLng,minLat,maxLng,maxLat in WGS84 degrees');
  return [x0, y0, x1, y1];
}

export const flag = (p: Params, name: string) => text(p, name, 10) === 'true';

/** attribute[CODE]=v and attribute[CODE][]=v (the form parser keeps repeated keys as lists). */
export function attributes(p: Params): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(p)) {
    const m = /^attribute\[([^\]]{1,64})\](\[\])?$/.exec(k);
    if (!m) continue;
    const values = (Array.isArray(v) ? v : [v]).map((x) => String(x).trim()).filter(Boolean);
    if (values.some((x) => x.length > 500 || MARKUP.test(x)))
      throw badRequest(`attribute[${m[1]}] must be plain text of at most 500 characters`);
    if (values.length === 0) continue;
    out[m[1]!] = m[2] ? values : values[0]!;
  }
  return out;
}

/** A form body: repeated keys become lists, as PHP and Rails clients send attribute[CODE][]. */
export function parseForm(body: string): Params {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const had = out[k];
    if (had === undefined) out[k] = k.endsWith('[]') ? [v] : v;
    else out[k] = Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}
