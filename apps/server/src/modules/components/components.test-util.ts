import { CITY } from '../../../test/factories';

/** A valid 统一社会信用代码 for test departments. */
export const CREDIT = '12410101MB1234567X';

/** A 17-digit code in the test district: class (5 digits) and serial. */
export const code = (classCode: string, serial: number) =>
  `${CITY.district}${classCode}${String(serial).padStart(6, '0')}`;

/** A valid create body at a point (default: inside grid A). */
export function body(
  c: string,
  at: [number, number] = CITY.inA,
  more: Record<string, unknown> = {},
) {
  return {
    code: c,
    name: '供水井盖',
    deptCode: CREDIT,
    deptName: '测试区城市管理局',
    initialDate: '20260101',
    lng: at[0],
    lat: at[1],
    ...more,
  };
}
