import { describe, expect, it } from 'vitest';
import { FULL_SCOPE, scopeOf } from '../../core/auth/area-scope';
import type { CaseChangedEvent } from '../cases';
import { caseEventVisible, isCaseChangedEvent, presentCaseEvent } from './live-filter';

const event = (o: Partial<CaseChangedEvent> = {}): CaseChangedEvent => ({
  type: 'case.changed',
  caseId: 'c1',
  caseNo: 'AJ2026030100000001',
  action: 'dispatch',
  fromState: 'pending_dispatch',
  state: 'handling',
  gridCode: '41010100100101',
  communityCode: '410101001001',
  streetCode: '410101001',
  adminCode: '410101',
  handlingDeptId: 'dept-a',
  at: '2026-03-01T08:00:00.000Z',
  ...o,
});

describe('caseEventVisible', () => {
  const street = { scope: scopeOf(['410101001']), departmentId: null };
  const otherStreet = { scope: scopeOf(['410101002']), departmentId: null };
  const department = { scope: scopeOf(['410101002']), departmentId: 'dept-a' };

  it('follows the area scope at every level, since grid codes extend their parents’', () => {
    expect(caseEventVisible(street, {}, event())).toBe(true);
    expect(
      caseEventVisible({ scope: scopeOf(['41010100100101']), departmentId: null }, {}, event()),
    ).toBe(true);
    expect(caseEventVisible({ scope: FULL_SCOPE, departmentId: null }, {}, event())).toBe(true);
    expect(caseEventVisible(otherStreet, {}, event())).toBe(false);
    expect(caseEventVisible({ scope: scopeOf([]), departmentId: null }, {}, event())).toBe(false);
  });

  it('lets a department see the cases it handles outside its area, and only those in its inbox', () => {
    expect(caseEventVisible(department, {}, event())).toBe(true);
    expect(caseEventVisible(department, {}, event({ handlingDeptId: 'dept-b' }))).toBe(false);
    expect(caseEventVisible(department, { departmentOnly: true }, event())).toBe(true);
    expect(
      caseEventVisible(
        department,
        { departmentOnly: true },
        event({ handlingDeptId: null, gridCode: '41010100200101' }),
      ),
    ).toBe(false);
    // Without a department there is no inbox, whatever the case says.
    expect(
      caseEventVisible(street, { departmentOnly: true }, event({ handlingDeptId: null })),
    ).toBe(false);
  });

  it('narrows by areaCode without widening the scope', () => {
    expect(caseEventVisible(street, { areaCode: '410101001001' }, event())).toBe(true);
    expect(caseEventVisible(street, { areaCode: '41010100100102' }, event())).toBe(false);
    expect(caseEventVisible(otherStreet, { areaCode: '410101001' }, event())).toBe(false);
    expect(
      caseEventVisible(department, { departmentOnly: true, areaCode: '410101001' }, event()),
    ).toBe(true);
    expect(
      caseEventVisible(department, { departmentOnly: true, areaCode: '410101002' }, event()),
    ).toBe(false);
  });
});

describe('what a stream sends', () => {
  it('recognises only well-formed case events', () => {
    expect(isCaseChangedEvent(event())).toBe(true);
    expect(isCaseChangedEvent(event({ fromState: null, handlingDeptId: null }))).toBe(true);
    expect(isCaseChangedEvent({ type: 'other' })).toBe(false);
    expect(isCaseChangedEvent({ ...event(), gridCode: 42 } as never)).toBe(false);
    const { gridCode: _g, ...noGrid } = event();
    expect(isCaseChangedEvent(noGrid as never)).toBe(false);
  });

  it('copies the listed fields only, so a richer event cannot leak personal data', () => {
    const rich = { ...event(), description: '张三家门口', reporterPhone: '13800138000' };
    const sent = presentCaseEvent(rich);
    expect(sent).not.toHaveProperty('description');
    expect(sent).not.toHaveProperty('reporterPhone');
    expect(sent).not.toHaveProperty('type');
    expect(sent).toMatchObject({
      caseId: 'c1',
      gridCode: '41010100100101',
      handlingDeptId: 'dept-a',
    });
  });
});
