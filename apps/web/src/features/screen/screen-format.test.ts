import { describe, expect, it } from 'vitest';
import { durationText, shanghaiTime } from './screen-format';

const t = (key: string, p?: Record<string, string | number>) =>
  ({ 'screen.days': `${p?.n}天`, 'screen.hours': `${p?.n}小时`, 'screen.minutes': `${p?.n}分` })[
    key
  ] ?? key;

describe('大屏 formats', () => {
  it('says how long overdue in its two largest units', () => {
    expect(durationText(12 * 60_000, t)).toBe('12分');
    expect(durationText((5 * 60 + 20) * 60_000, t)).toBe('5小时20分');
    expect(durationText((3 * 1440 + 4 * 60 + 59) * 60_000, t)).toBe('3天4小时');
    expect(durationText(2 * 86_400_000, t)).toBe('2天');
  });

  it('shows Shanghai time whatever the machine’s zone', () => {
    expect(shanghaiTime('2026-11-30T17:05:09Z', true)).toBe('01:05:09');
  });
});
