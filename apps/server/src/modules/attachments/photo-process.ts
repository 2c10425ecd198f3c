import exifr from 'exifr';
import sharp, { type Sharp } from 'sharp';
import type { AttachmentExif } from '@wangge/shared';
import type { PhotoMime } from './media-sniff';

export interface PhotoInfo {
  /** Display size, after the EXIF orientation is applied. */
  width: number;
  height: number;
  orientation: number | null;
  exif: AttachmentExif | null;
}

export class UndecodablePhotoError extends Error {}

// Cameras without a fix, and some apps, write 0/0: that is "no position", not the Gulf of Guinea.
const validPosition = (lng: number, lat: number): boolean =>
  Number.isFinite(lng) &&
  Number.isFinite(lat) &&
  Math.abs(lng) <= 180 &&
  Math.abs(lat) <= 90 &&
  !(lng === 0 && lat === 0);

/**
 * EXIF date "YYYY:MM:DD HH:MM:SS" (+ optional offset tag) → ISO UTC. EXIF dates carry no zone; phones
 * sold here record China time, so a missing offset is read as +08:00 rather than the server's zone.
 */
export function exifDateToIso(value: unknown, offset: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return null;
  const zone =
    typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim())
      ? offset.trim()
      : '+08:00';
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1990 ? null : d.toISOString();
}

/** GPS position and capture time from EXIF; null when neither is present or the block is unreadable. */
async function readExif(bytes: Uint8Array): Promise<AttachmentExif | null> {
  let gps: { latitude: number; longitude: number } | undefined;
  let tags: Record<string, unknown> | undefined;
  try {
    // exifr works out the signed decimal position from the DMS triplets and N/S/E/W refs.
    gps = ((await exifr.gps(bytes)) as typeof gps) ?? undefined;
    // Raw strings for dates: exifr would otherwise parse them in the server's local zone.
    const raw: unknown = await exifr.parse(bytes, {
      reviveValues: false,
      pick: [
        'DateTimeOriginal',
        'CreateDate',
        'ModifyDate',
        'OffsetTimeOriginal',
        'OffsetTimeDigitized',
        'OffsetTime',
      ],
    });
    tags = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : undefined;
  } catch {
    // A broken EXIF block must not lose the photo: keep the image, drop the metadata.
  }
  const hasPos = gps !== undefined && validPosition(gps.longitude, gps.latitude);
  const capturedAt = tags
    ? (exifDateToIso(tags['DateTimeOriginal'], tags['OffsetTimeOriginal']) ??
      exifDateToIso(tags['CreateDate'], tags['OffsetTimeDigitized']) ??
      exifDateToIso(tags['ModifyDate'], tags['OffsetTime']))
    : null;
  if (!hasPos && !capturedAt) return null;
  // 7 decimals ≈ 1 cm: drops the float noise of the DMS → decimal conversion (113.61999999999999).
  const round = (x: number) => Math.round(x * 1e7) / 1e7;
  return {
    lng: hasPos ? round(gps!.longitude) : null,
    lat: hasPos ? round(gps!.latitude) : null,
    capturedAt,
  };
}

export interface PhotoProcessor {
  inspect(bytes: Uint8Array): Promise<PhotoInfo>;
  /** Small preview: auto-rotated, long side ≤ `thumbLongSide`, WebP, no metadata. */
  thumbnail(bytes: Uint8Array): Promise<Buffer>;
  /** Full-size copy in the original format with every metadata block (EXIF, XMP, IPTC, ICC) removed. */
  publicCopy(bytes: Uint8Array, mime: PhotoMime): Promise<Buffer>;
}

export const THUMB_MIME = 'image/webp';

export function createPhotoProcessor(opts: {
  maxPixels: number;
  thumbLongSide: number;
}): PhotoProcessor {
  // limitInputPixels refuses decompression bombs (a small file that decodes to gigapixels);
  // failOn 'error' still accepts the slightly truncated JPEGs some phones write.
  const open = (bytes: Uint8Array): Sharp =>
    sharp(bytes, { limitInputPixels: opts.maxPixels, failOn: 'error' });

  async function render(work: () => Promise<Buffer>): Promise<Buffer> {
    try {
      return await work();
    } catch (err) {
      throw new UndecodablePhotoError(err instanceof Error ? err.message : String(err));
    }
  }

  return {
    async inspect(bytes) {
      let meta: sharp.Metadata;
      try {
        meta = await open(bytes).metadata();
      } catch (err) {
        throw new UndecodablePhotoError(err instanceof Error ? err.message : String(err));
      }
      if (!meta.width || !meta.height) throw new UndecodablePhotoError('no image dimensions');
      if (meta.width * meta.height > opts.maxPixels)
        throw new UndecodablePhotoError('too many pixels');
      const orient = meta.autoOrient ?? { width: meta.width, height: meta.height };
      return {
        width: orient.width,
        height: orient.height,
        orientation: meta.orientation ?? null,
        exif: await readExif(bytes),
      };
    },

    thumbnail: (bytes) =>
      render(() =>
        open(bytes)
          .autoOrient()
          .resize({
            width: opts.thumbLongSide,
            height: opts.thumbLongSide,
            fit: 'inside',
            withoutEnlargement: true,
          })
          .webp({ quality: 75 })
          .toBuffer(),
      ),

    // Re-encoding (not copying bytes minus the APP segments) also drops anything hidden in the pixel
    // stream's trailers. sharp writes no metadata unless asked to keep it; the pixels are rotated so
    // the picture still stands upright without its orientation tag.
    publicCopy: (bytes, mime) =>
      render(() => {
        const img = open(bytes).autoOrient();
        switch (mime) {
          case 'image/jpeg':
            return img.jpeg({ quality: 88 }).toBuffer();
          case 'image/png':
            return img.png().toBuffer();
          case 'image/webp':
            return img.webp({ quality: 88 }).toBuffer();
        }
      }),
  };
}
