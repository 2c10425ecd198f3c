import type { AttachmentKind } from '@wangge/shared';

/** Photo formats we decode, re-encode and thumbnail; the public variant keeps the same format. */
export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';
export type VideoMime = 'video/mp4' | 'video/quicktime';

export type SniffResult =
  | { ok: true; kind: 'photo'; mime: PhotoMime }
  | { ok: true; kind: 'video'; mime: VideoMime }
  | { ok: false; reason: string };

const ascii = (b: Uint8Array, start: number, len: number): string =>
  b.length >= start + len ? String.fromCharCode(...b.subarray(start, start + len)) : '';

const startsWith = (b: Uint8Array, sig: readonly number[]): boolean =>
  b.length >= sig.length && sig.every((v, i) => b[i] === v);

// ISO base media file brands (ftyp box). HEIF/AVIF share the container with MP4, so the brand decides.
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
// mif1/msf1 are generic HEIF brands: an image sequence or still image, never a playable video.
const HEIF_GENERIC = new Set(['mif1', 'msf1']);
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'mp71',
  'avc1',
  'M4V ',
  'M4VP',
  'MSNV',
  'dash',
  'f4v ',
  'XAVC',
  'hvc1',
]);
// QuickTime files written before ftyp existed start with one of these atoms.
const QT_LEADING_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/** The brands of an ISO-BMFF ftyp box: the major brand first, then the compatible ones. */
function ftypBrands(b: Uint8Array): string[] | null {
  if (ascii(b, 4, 4) !== 'ftyp') return null;
  const boxSize = ((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0);
  const end = Math.min(b.length, boxSize > 0 ? boxSize : 32, 256);
  const brands = [ascii(b, 8, 4)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(b, at, 4));
  return brands.filter((x) => x.length === 4);
}

function sniffIsoMedia(b: Uint8Array): SniffResult | null {
  const brands = ftypBrands(b);
  if (!brands) {
    return QT_LEADING_ATOMS.has(ascii(b, 4, 4))
      ? { ok: true, kind: 'video', mime: 'video/quicktime' }
      : null;
  }
  const major = brands[0] ?? '';
  // The major brand wins; compatible brands only decide when the major one is unknown.
  if (HEIC_BRANDS.has(major) || (HEIF_GENERIC.has(major) && brands.some((x) => HEIC_BRANDS.has(x))))
    return {
      ok: false,
      reason:
        '暂不支持 HEIC/HEIF 照片（iPhone 默认格式）。请在相机设置中选择“兼容性最佳”，或先转为 JPEG 再上传',
    };
  if (AVIF_BRANDS.has(major) || (HEIF_GENERIC.has(major) && brands.some((x) => AVIF_BRANDS.has(x))))
    return { ok: false, reason: '暂不支持 AVIF 图片，请上传 JPEG、PNG 或 WebP' };
  if (major === 'qt  ') return { ok: true, kind: 'video', mime: 'video/quicktime' };
  if (MP4_BRANDS.has(major)) return { ok: true, kind: 'video', mime: 'video/mp4' };
  if (HEIF_GENERIC.has(major))
    return { ok: false, reason: '暂不支持 HEIF 图片，请上传 JPEG、PNG 或 WebP' };
  if (major.startsWith('3g')) return { ok: false, reason: '暂不支持 3GP 视频，请上传 MP4 或 MOV' };
  if (brands.includes('qt  ')) return { ok: true, kind: 'video', mime: 'video/quicktime' };
  if (brands.some((x) => MP4_BRANDS.has(x))) return { ok: true, kind: 'video', mime: 'video/mp4' };
  return null;
}

/**
 * Decides the type of an upload from its first bytes (magic numbers). File names and the client's
 * Content-Type are ignored on purpose: both are attacker-controlled, and a wrong type would let a
 * script or document be served back as an "image".
 */
export function sniffMedia(bytes: Uint8Array): SniffResult {
  const b = bytes;
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { ok: true, kind: 'photo', mime: 'image/jpeg' };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { ok: true, kind: 'photo', mime: 'image/png' };
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP')
    return { ok: true, kind: 'photo', mime: 'image/webp' };
  const iso = sniffIsoMedia(b);
  if (iso) return iso;
  if (ascii(b, 0, 4) === 'GIF8')
    return { ok: false, reason: '暂不支持 GIF，请上传 JPEG、PNG 或 WebP 照片' };
  return { ok: false, reason: '只能上传照片（JPEG、PNG、WebP）或短视频（MP4、MOV）' };
}

/** Chinese names of the kinds, for error messages. */
export const KIND_LABEL: Record<AttachmentKind, string> = { photo: '照片', video: '视频' };
