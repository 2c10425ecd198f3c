import type { ByteRange } from './blob-store';

/**
 * Parses a single-range `Range: bytes=…` header against a known size. Video players (Safari
 * especially) refuse to play or seek without range support. Returns null to send the whole body:
 * for no header, several ranges or an unsatisfiable one. HTTP allows a server to ignore Range, and a
 * full 200 is simpler for clients than a 416 outside our error-body convention.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (size === 0) return null;
  if (m[1] === '') {
    // Suffix form "bytes=-N": the last N bytes.
    const n = Number(m[2]);
    if (n === 0) return null;
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return null;
  return { start, end };
}
