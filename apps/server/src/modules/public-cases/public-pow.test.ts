import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createCitizenQuotas } from './citizen-quotas';
import { createPow, leadingZeroBits, solvePow } from './public-pow';
import { isSensitiveClass } from './sensitive-classes';

describe('proof of work', () => {
  const spent = new Set<string>();
  let now = new Date('2026-12-07T10:00:00Z');
  const pow = createPow({
    sign: (s) => createHash('sha256').update(`key:${s}`).digest('hex'),
    now: () => now,
    spend: async (id) => (spent.has(id) ? false : (spent.add(id), true)),
    forget: async () => {},
    difficulty: 8,
  });

  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Buffer.from([0, 0x0f, 0xff]))).toBe(12);
    expect(leadingZeroBits(Buffer.from([0x80]))).toBe(0);
    expect(leadingZeroBits(Buffer.from([0, 0]))).toBe(16);
  });

  it('accepts a solution once, and not after it expires', async () => {
    const c = pow.issue();
    const nonce = solvePow(c.challenge, c.difficulty);
    await pow.verify({ challenge: c.challenge, nonce });
    await expect(pow.verify({ challenge: c.challenge, nonce })).rejects.toMatchObject({
      field: 'pow',
    });
    const late = pow.issue();
    now = new Date(now.getTime() + 11 * 60_000);
    await expect(
      pow.verify({ challenge: late.challenge, nonce: solvePow(late.challenge, 8) }),
    ).rejects.toThrow(/过期/);
  });
});

describe('sensitive classes', () => {
  it('covers every 综治 class and disputes or special groups by name', () => {
    expect(isSensitiveClass({ code: 'Z03001', names: ['民生服务', '求助'] })).toBe(true);
    expect(isSensitiveClass({ code: '0901001', names: ['街面秩序', '邻里纠纷调解'] })).toBe(true);
    expect(isSensitiveClass({ code: '06010', names: ['市容环境', '暴露垃圾'] })).toBe(false);
    expect(isSensitiveClass(null)).toBe(false);
  });
});

describe('+1 quotas', () => {
  it('hold a device and an address separately', () => {
    const q = createCitizenQuotas({ supportsPerDevice: 2, supportsPerIp: 3 });
    q.support({ ip: 'a', device: 'd1' }, 0);
    q.support({ ip: 'a', device: 'd1' }, 0);
    expect(() => q.support({ ip: 'a', device: 'd1' }, 0)).toThrow(/本设备/);
    q.support({ ip: 'a', device: 'd2' }, 0);
    expect(() => q.support({ ip: 'a', device: 'd3' }, 0)).toThrow(/当前网络/);
  });
});
