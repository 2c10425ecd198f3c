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

/** An ISO-BMFF box: 32-bit size, four-character type, content. */
export function box(type: string, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

/** A minimal complete MP4: ftyp, moov (movie header mvhd and one track with its tkhd), an mdat of `payload` bytes. */
export function mp4(payload = 64, fill = 7): Buffer {
  const mvhd = Buffer.alloc(100); // version 0: times, timescale, duration, rate, volume, matrix, next track id
  mvhd.writeUInt32BE(1000, 12);
  mvhd.writeUInt32BE(0x00010000, 20);
  mvhd.writeUInt16BE(0x0100, 24);
  mvhd.writeUInt32BE(2, 96);
  const tkhd = Buffer.alloc(84);
  tkhd.writeUInt32BE(0x000003, 0); // enabled, in movie
  tkhd.writeUInt32BE(1, 12); // track id
  const moov = box('moov', box('mvhd', mvhd), box('trak', box('tkhd', tkhd)));
  return Buffer.concat([
    ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'),
    moov,
    box('mdat', Buffer.alloc(payload, fill)),
  ]);
}

/** Where the test photo was "taken": 34°45'36"N 113°37'12"E (Zhengzhou), 2026-11-29 10:20:30 China time. */
export const PHOTO_GPS = { lat: 34.76, lng: 113.62, capturedAt: '2026-11-29T02:20:30.000Z' };

/**
 * A JPEG as a phone writes it: sensor-landscape pixels (width × height) with EXIF orientation 6
 * (rotate 90° to display), GPS and capture time. sharp's withExif takes IFD0 (image), IFD2 (Exif)
 * and IFD3 (GPS) as strings; rationals are written "n/d", one per component.
 */
export function phoneJpeg(
  opts: { width?: number; height?: number; colour?: string } = {},
): Promise<Buffer> {
  return sharp({
    create: {
      width: opts.width ?? 800,
      height: opts.height ?? 600,
      channels: 3,
      background: opts.colour ?? '#c00',
    },
  })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'Wangge', Model: 'Test phone' },
      IFD2: { DateTimeOriginal: '2026:11:29 10:20:30' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '34/1 45/1 36/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '113/1 37/1 12/1',
      },
    })
    .toBuffer();
}

export const png = (colour = '#0c0'): Promise<Buffer> =>
  sharp({ create: { width: 40, height: 30, channels: 4, background: colour } })
    .png()
    .toBuffer();
