import { describe, expect, it } from 'vitest';
import {
  channelText,
  confidenceText,
  isChoosableSource,
  localDateTimeToIso,
} from './channel-format';

describe('channel format', () => {
  it('lets the intake form choose staff entry and 12345 only', () => {
    expect(isChoosableSource('staff_entry')).toBe(true);
    expect(isChoosableSource('hotline_12345')).toBe(true);
    for (const v of ['citizen_report', 'video_ai', '', null, undefined])
      expect(isChoosableSource(v)).toBe(false);
  });

  it.each([
    [0.874, '87%'],
    [0.875, '88%'],
    [1, '100%'],
    [0, '0%'],
  ])('confidence %f → %s', (c, text) => expect(confidenceText(c)).toBe(text));

  it('turns a datetime-local value into an instant, and empty or unreadable input into null', () => {
    const iso = localDateTimeToIso('2026-03-02T09:30');
    expect(iso).toMatch(/^2026-03-0[12]T\d{2}:30:00\.000Z$/);
    expect(Date.parse(iso!)).toBe(new Date(2026, 2, 2, 9, 30).getTime());
    expect(localDateTimeToIso('')).toBeNull();
    expect(localDateTimeToIso(undefined)).toBeNull();
    expect(localDateTimeToIso('not a date')).toBeNull();
  });

  it('labels in both languages', () => {
    expect(channelText('hotlineOrder', 'zh')).toBe('12345工单');
    expect(channelText('hotlineOrder', 'en')).toBe('12345 order');
  });
});
