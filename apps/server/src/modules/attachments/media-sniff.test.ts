import { describe, expect, it } from 'vitest';
import { ftyp } from './attachments.test-util';
import { parseRange } from './http-range';
import { sniffMedia } from './media-sniff';
import { exifDateToIso } from './photo-process';

describe('sniffMedia', () => {
  it('recognises the accepted photo and video formats by their magic numbers', () => {
    expect(sniffMedia(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0]))).toEqual({
      ok: true,
      kind: 'photo',
      mime: 'image/jpeg',
    });
    expect(sniffMedia(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))).toMatchObject({
      mime: 'image/png',
    });
    expect(sniffMedia(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'))).toMatchObject({
      mime: 'image/webp',
    });
    expect(sniffMedia(ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'))).toEqual({
      ok: true,
      kind: 'video',
      mime: 'video/mp4',
    });
    expect(sniffMedia(ftyp('mp42', 'mp41'))).toMatchObject({ mime: 'video/mp4' });
    expect(sniffMedia(ftyp('qt  ', 'qt  '))).toEqual({
      ok: true,
      kind: 'video',
      mime: 'video/quicktime',
    });
    // QuickTime from before the ftyp box: the first atom is the movie itself.
    expect(
      sniffMedia(Buffer.from('\x00\x00\x00\x08wide\x00\x00\x00\x00mdat', 'latin1')),
    ).toMatchObject({ mime: 'video/quicktime' });
  });

  it('refuses HEIC and AVIF (same container as MP4) with a message that says what to do', () => {
    const heic = sniffMedia(ftyp('heic', 'mif1', 'heic'));
    expect(heic.ok).toBe(false);
    expect(!heic.ok && heic.reason).toContain('HEIC');
    expect(sniffMedia(ftyp('mif1', 'heic'))).toMatchObject({ ok: false });
    expect(sniffMedia(ftyp('avif', 'mif1', 'miaf'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('AVIF'),
    });
  });

  it('refuses text, GIF, PDF and anything else, whatever its name', () => {
    for (const bytes of [
      Buffer.from('just some text, saved as photo.jpg'),
      Buffer.from('GIF89a\x01\x00', 'latin1'),
      Buffer.from('%PDF-1.7\n'),
      Buffer.from([0xff, 0xd8]),
    ])
      expect(sniffMedia(bytes).ok).toBe(false);
  });
});

describe('parseRange', () => {
  it('resolves the single-range forms and ignores the rest', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=990-2000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange(undefined, 1000)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 1000)).toBeNull();
    expect(parseRange('bytes=1000-', 1000)).toBeNull();
    expect(parseRange('items=0-1', 1000)).toBeNull();
  });
});

describe('exifDateToIso', () => {
  it('reads EXIF local time as China time unless an offset tag says otherwise', () => {
    expect(exifDateToIso('2026:11:29 10:20:30', undefined)).toBe('2026-11-29T02:20:30.000Z');
    expect(exifDateToIso('2026:11:29 10:20:30', '+01:00')).toBe('2026-11-29T09:20:30.000Z');
    expect(exifDateToIso('0000:00:00 00:00:00', undefined)).toBeNull();
    expect(exifDateToIso('yesterday', undefined)).toBeNull();
  });
});
