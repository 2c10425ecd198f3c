import { describe, expect, it } from 'vitest';
import { FULL_SCOPE, scopeOf } from '../../core/auth/area-scope';
import {
  assigneeCovers,
  caseActionable,
  caseVisible,
  defaultSource,
  mayReportAt,
  mayReuseHotlineCase,
  type PolicyActor,
  type PolicyCase,
} from './cases.policy';

/*
 * The visibility policy as a table, in the style of the shared state-table tests: each row an actor's
 * shape × a case's shape → whether they see it (reads) and whether they reach it (transitions).
 * Codes are the test city's (test/factories.ts): each level's code extends its parent's, which is all the
 * area rule relies on. cases.policy-sql.test.ts checks the repo's SQL scope agrees with caseVisible.
 */

const DISTRICT = '410101';
const STREET_W = '410101001';
const STREET_E = '410101002';
const COMMUNITY_W1 = '410101001001';
const GRID_W1 = '41010100100101';
const GRID_E1 = '41010100200101';

type ActorKey =
  | 'admin'
  | 'district'
  | 'streetW'
  | 'streetE'
  | 'communityW1'
  | 'gridW1'
  | 'deptHandler'
  | 'deptOther'
  | 'reporterE'
  | 'nobody';

const ACTORS: Record<ActorKey, PolicyActor> = {
  admin: { id: 'u-admin', scope: FULL_SCOPE, departmentId: null, roles: [{ code: 'admin' }] },
  district: {
    id: 'u-district',
    scope: scopeOf([DISTRICT]),
    departmentId: null,
    roles: [{ code: 'dispatcher' }],
  },
  streetW: {
    id: 'u-street-w',
    scope: scopeOf([STREET_W]),
    departmentId: null,
    roles: [{ code: 'street_leader' }],
  },
  streetE: {
    id: 'u-street-e',
    scope: scopeOf([STREET_E]),
    departmentId: null,
    roles: [{ code: 'inspector' }],
  },
  communityW1: {
    id: 'u-comm',
    scope: scopeOf([COMMUNITY_W1]),
    departmentId: null,
    roles: [{ code: 'community_leader' }],
  },
  gridW1: {
    id: 'u-grid',
    scope: scopeOf([GRID_W1]),
    departmentId: null,
    roles: [{ code: 'grid_worker' }],
  },
  // A handler of 区环卫中心 whose areas do not include the case's street.
  deptHandler: {
    id: 'u-hw',
    scope: scopeOf([STREET_E]),
    departmentId: 'dept-hw',
    roles: [{ code: 'department_handler' }],
  },
  deptOther: {
    id: 'u-sz',
    scope: scopeOf([STREET_E]),
    departmentId: 'dept-sz',
    roles: [{ code: 'department_handler' }],
  },
  // Reported the case from another street (e.g. before a boundary change), now scoped elsewhere.
  reporterE: {
    id: 'u-reporter',
    scope: scopeOf([STREET_E]),
    departmentId: null,
    roles: [{ code: 'inspector' }],
  },
  nobody: { id: 'u-none', scope: scopeOf([]), departmentId: null, roles: [] },
};

type CaseKey = 'w1New' | 'w1Dispatched' | 'w1Reported' | 'e1New';

const CASES: Record<CaseKey, PolicyCase> = {
  w1New: { grid_code: GRID_W1, handling_dept_id: null, reporter_id: 'u-grid' },
  w1Dispatched: { grid_code: GRID_W1, handling_dept_id: 'dept-hw', reporter_id: 'u-grid' },
  w1Reported: { grid_code: GRID_W1, handling_dept_id: null, reporter_id: 'u-reporter' },
  e1New: { grid_code: GRID_E1, handling_dept_id: null, reporter_id: 'u-street-e' },
};

/** [actor, case, visible, actionable] */
const ROWS: [ActorKey, CaseKey, boolean, boolean][] = [
  // Area scope: the whole tree above the grid sees and reaches it; siblings do neither.
  ['admin', 'w1New', true, true],
  ['admin', 'e1New', true, true],
  ['district', 'w1New', true, true],
  ['district', 'e1New', true, true],
  ['streetW', 'w1New', true, true],
  ['streetW', 'e1New', false, false],
  ['streetE', 'w1New', false, false],
  ['streetE', 'e1New', true, true],
  ['communityW1', 'w1New', true, true],
  ['communityW1', 'e1New', false, false],
  ['gridW1', 'w1Dispatched', true, true],
  ['gridW1', 'e1New', false, false],
  // The handling department reaches a case outside its areas, but does not see it in reads.
  ['deptHandler', 'w1Dispatched', false, true],
  ['deptHandler', 'w1New', false, false],
  ['deptOther', 'w1Dispatched', false, false],
  // The reporter reaches their own case (评价, 申请重开) wherever they are scoped now.
  ['reporterE', 'w1Reported', false, true],
  ['reporterE', 'w1New', false, false],
  ['reporterE', 'e1New', true, true],
  // No areas, no department, not the reporter: nothing.
  ['nobody', 'w1New', false, false],
  ['nobody', 'w1Dispatched', false, false],
];

describe('case visibility policy (actor × case)', () => {
  it.each(ROWS)('%s on %s: visible %s, actionable %s', (a, c, visible, actionable) => {
    expect(caseVisible(ACTORS[a], CASES[c])).toBe(visible);
    expect(caseActionable(ACTORS[a], CASES[c])).toBe(actionable);
  });

  it('never lets someone see a case they cannot reach', () => {
    for (const a of Object.values(ACTORS))
      for (const c of Object.values(CASES))
        if (caseVisible(a, c)) expect(caseActionable(a, c)).toBe(true);
  });

  it('does not treat a missing department as a match for an undispatched case', () => {
    const noDept = { ...ACTORS.nobody, departmentId: null };
    expect(caseActionable(noDept, { ...CASES.w1New, handling_dept_id: null })).toBe(false);
  });
});

describe('where one may report, and a re-sent 12345 order', () => {
  it.each([
    ['admin', GRID_W1, true],
    ['streetW', GRID_W1, true],
    ['streetW', GRID_E1, false],
    ['gridW1', GRID_W1, true],
    ['deptHandler', GRID_W1, false],
    ['nobody', GRID_W1, false],
  ] as [ActorKey, string, boolean][])('%s reporting in %s: %s', (a, grid, ok) => {
    expect(mayReportAt(ACTORS[a], grid)).toBe(ok);
    expect(mayReuseHotlineCase(ACTORS[a], { grid_code: grid })).toBe(ok);
  });
});

describe('assignee coverage', () => {
  it.each([
    [{ all: true, scopeCodes: [] }, true],
    [{ all: false, scopeCodes: [STREET_W] }, true],
    [{ all: false, scopeCodes: [GRID_W1] }, true],
    [{ all: false, scopeCodes: [STREET_E, COMMUNITY_W1] }, true],
    [{ all: false, scopeCodes: [STREET_E] }, false],
    [{ all: false, scopeCodes: [] }, false],
    // An unknown account reads as one outside the grid.
    [null, false],
  ] as const)('%j covers the west grid: %s', (assignee, covers) => {
    expect(assigneeCovers(assignee, GRID_W1)).toBe(covers);
  });
});

describe('default source of a report', () => {
  it.each([
    [['street_leader'], 'leader'],
    [['community_leader', 'inspector'], 'leader'],
    [['intake_operator'], 'staff_entry'],
    [['inspector'], 'patrol'],
    [[], 'patrol'],
  ] as const)('%j → %s', (roles, source) => {
    expect(defaultSource({ roles: roles.map((code) => ({ code })) }, undefined)).toBe(source);
  });

  it('keeps a named source', () => {
    expect(defaultSource({ roles: [{ code: 'street_leader' }] }, 'hotline_12345')).toBe(
      'hotline_12345',
    );
  });
});
