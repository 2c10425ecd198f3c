import { describe, expect, it } from 'vitest';
import type { FeedCase } from '../cases';
import { isoShanghai } from './open311-format';
import { requestOf, scrubText, statusNotes } from './open311-view';

const base: FeedCase = {
  id: 'c1',
  caseNo: 'AJ2026120700001',
  state: 'handling',
  open: true,
  source: 'public',
  kind: 'matter',
  classCode: '06010',
  streetCode: '410101001',
  communityCode: '410101001001',
  gridCode: '41010100100101',
  position: [113.0251234, 34.0505678],
  address: '文化路 12 号',
  description: '张三 13800001111 反映',
  handlingDeptId: 'd1',
  closeReason: null,
  supervisionLevel: null,
  deadlineAt: '2026-12-08T01:00:00.000Z',
  closedAt: null,
  createdAt: '2026-12-07T01:00:00.000Z',
  updatedAt: '2026-12-07T02:00:00.000Z',
  masterCaseNo: null,
};
const ctx = {
  serviceName: '暴露垃圾',
  sensitive: false,
  departmentName: '区环卫中心',
  partner: null,
  milestones: null,
};

describe('Open311 view', () => {
  it('writes dates in +08:00', () => {
    expect(isoShanghai('2026-12-07T16:30:00.000Z')).toBe('2026-12-08T00:30:00+08:00');
    expect(isoShanghai(null)).toBeNull();
  });

  it('says the status in citizens’ words with the department, never a person', () => {
    expect(statusNotes(base, '区环卫中心')).toBe('handling 处置中: 已派遣至区环卫中心');
    expect(statusNotes({ ...base, state: 'closed', open: false, closeReason: 'fixed' }, null)).toBe(
      'closed 已办结: 已办结（已解决）',
    );
    expect(
      statusNotes({ ...base, state: 'merged', open: false, masterCaseNo: 'AJ9' }, null),
    ).toMatch(/merged 已合并: .*AJ9/);
  });

  it('maps every terminal state to closed and the rest to open', () => {
    for (const [state, open] of [
      ['suspended', true],
      ['rejected', false],
      ['voided', false],
      ['merged', false],
    ] as const)
      expect(requestOf({ ...base, state, open }, ctx, false).status).toBe(open ? 'open' : 'closed');
  });

  it('coarsens points, masks long numbers and hides a sensitive place', () => {
    const r = requestOf({ ...base, source: 'open311' }, ctx, false);
    expect([r.lat, r.long]).toEqual([34.0506, 113.0251]);
    expect(r.description).toBe('张三 *********** 反映');
    expect(scrubText('身份证 410101199001011234')).toBe('身份证 ******************');
    const s = requestOf(base, { ...ctx, sensitive: true }, true);
    expect([s.lat, s.long, s.address, s.description]).toEqual([null, null, null, null]);
    expect(s.extended_attributes).toMatchObject({ grid_code: null, community_code: null });
  });
});
