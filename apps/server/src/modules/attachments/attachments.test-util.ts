import sharp from 'sharp';

// Test inputs generated in memory, so no binary fixtures live in the repository.

/** An ISO-BMFF file start: an ftyp box with the given major and compatible brands. */
export function ftyp(major: string, ...compatible: string[]): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(16 + 4 * compatible.length, 0);
  head.write('ftyp', 4, 'latin1');
  const brands = [major, '\x00\x00\x02\x00', ...compatible].map((c) => Buffer.from(c, 'latin1'));
  return Buffer.concat([head, ...brands]);
}

/** A tiny but well-formed-looking MP4 start: ftyp plus an mdat box of `payload` bytes. */
export function mp4(payload = 64): Buffer {
  const mdat = Buffer.alloc(8 + payload, 7);
  mdat.writeUInt32BE(8 + payload, 0);
  mdat.write('mdat', 4, 'latin1');
  return Buffer.concat([ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'), mdat]);
}

/** Where the test photo was "taken": 34°45'36"N 113°37'12"E (Zhengzhou), 2026-11-29 10:20:30 China time. */
export const PHOTO_GPS = { lat: 34.76, lng: 113.62, capturedAt: '2026-11-29T02:20:30.000Z' };

/**
 * A JPEG as a phone writes it: sensor-landscape pixels (width × height) with EXIF orientation 6
 * (rotate 90° to display), GPS and capture time. sharp's withExif takes IFD0 (image), IFD2 (Exif)
 * and IFD3 (GPS) as strings; rationals are written "n/d", one per component.
 */
export function phoneJpeg(opts: { width?: number; height?: number; colour?: string } = {}): Promise<Buffer> {
  return sharp({ create: { width: opts.width ?? 800, height: opts.height ?? 600, channels: 3, background: opts.colour ?? '#c00' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'Wangge', Model: 'Test phone' },
      IFD2: { DateTimeOriginal: '2026:11:29 10:20:30' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '34/1 45/1 36/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 37/1 12/1' },
    })
    .toBuffer();
}

export const png = (colour = '#0c0'): Promise<Buffer> =>
  sharp({ create: { width: 40, height: 30, channels: 4, background: colour } }).png().toBuffer();
