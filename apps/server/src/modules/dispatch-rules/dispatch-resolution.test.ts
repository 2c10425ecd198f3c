import { describe, expect, it } from 'vitest';
import { chooseRules, type RuleCandidate } from './dispatch-resolution';

let n = 0;
const rule = (o: Partial<RuleCandidate>): RuleCandidate => ({
  id: `r${++n}`,
  classCode: '06010',
  areaCode: '410101001',
  conditionId: null,
  departmentId: `d${n}`,
  role: 'primary',
  priority: 0,
  createdAt: `2026-01-01T00:00:${String(n).padStart(2, '0')}.000Z`,
  ...o,
});
const all = () => true;
const depts = (c: ReturnType<typeof chooseRules>) => c?.ordered.map((r) => r.departmentId) ?? null;

describe('chooseRules (派遣矩阵 resolution)', () => {
  it('prefers the smaller area, then a rule naming the condition, then the narrower class', () => {
    const district = rule({ areaCode: '410101', departmentId: 'district' });
    const street = rule({ areaCode: '410101001', departmentId: 'street' });
    const grid = rule({
      areaCode: '41010100100101',
      classCode: '06',
      departmentId: 'grid-wildcard',
    });
    expect(depts(chooseRules([district, street, grid], all))).toEqual(['grid-wildcard']);
    expect(depts(chooseRules([district, street], all))).toEqual(['street']);
    const minor = rule({ classCode: '06010', departmentId: 'minor' });
    const major = rule({ classCode: '06', departmentId: 'major' });
    expect(depts(chooseRules([major, minor], all))).toEqual(['minor']);
    const withCondition = rule({ classCode: '06', conditionId: 'c1', departmentId: 'urgent' });
    expect(depts(chooseRules([minor, withCondition], all))).toEqual(['urgent']);
  });

  it('orders primaries before backups, each by priority, and offers a department once', () => {
    const set = [
      rule({ role: 'backup', priority: 0, departmentId: 'b0' }),
      rule({ role: 'primary', priority: 5, departmentId: 'p5' }),
      rule({ role: 'primary', priority: 1, departmentId: 'p1' }),
      rule({ role: 'backup', priority: 2, departmentId: 'p1' }),
    ];
    expect(depts(chooseRules(set, all))).toEqual(['p1', 'p5', 'b0']);
  });

  it('lets a backup stand in when no primary department is usable, and falls back to a wider set when nothing is', () => {
    const primary = rule({ areaCode: '41010100100101', departmentId: 'gone' });
    const backup = rule({ areaCode: '41010100100101', role: 'backup', departmentId: 'backup' });
    const street = rule({ areaCode: '410101001', departmentId: 'street' });
    const usable = (id: string) => id !== 'gone';
    const choice = chooseRules([primary, backup, street], usable);
    expect(choice?.ordered.map((r) => [r.departmentId, r.role])).toEqual([['backup', 'backup']]);
    expect(depts(chooseRules([primary, street], usable))).toEqual(['street']);
    expect(chooseRules([primary], usable)).toBeNull();
    expect(chooseRules([], all)).toBeNull();
  });
});
