import { creditCodeCheckChar, idCheckChar } from '@wangge/shared';
import type { Clock } from '../../core/clock';
import { CITY } from '../../../test/factories';

/** A valid 统一社会信用代码 registered in the test district; `n` keeps them apart. */
export function credit(n: number): string {
  const first17 = `91${CITY.district}MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A create body for a unit at a point (default: inside grid A). */
export function unitBody(
  n: number,
  at: [number, number] = CITY.inA,
  more: Record<string, unknown> = {},
) {
  return {
    name: `测试单位${n}`,
    creditCode: credit(n),
    unitType: 'enterprise',
    address: `测试路${n}号`,
    lng: at[0],
    lat: at[1],
    legalRepName: '王大明',
    legalRepPhone: '13812345678',
    contactName: '李小红',
    contactPhone: '0371-12345678',
    ...more,
  };
}

export function placeBody(
  name: string,
  at: [number, number] = CITY.inA,
  more: Record<string, unknown> = {},
) {
  return {
    name,
    placeType: 'internet_cafe',
    address: `${name}所在地`,
    lng: at[0],
    lat: at[1],
    responsibleName: '赵责任',
    responsiblePhone: '13900001111',
    ...more,
  };
}

/** A valid resident ID for a person of the population registry. */
export function residentId(seq: number): string {
  const first17 = `41010119800101${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** A clock the test moves by whole days; starts Monday 2026-11-30 09:00 in Shanghai. */
export function testClock(): Clock & { advanceDays(n: number): void; set(iso: string): void } {
  let now = new Date('2026-11-30T01:00:00Z');
  return {
    now: () => now,
    advanceDays: (n) => {
      now = new Date(now.getTime() + n * 86_400_000);
    },
    set: (iso) => {
      now = new Date(iso);
    },
  };
}
