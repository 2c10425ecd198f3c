import type { CaseSource, CaseState, CloseReason } from '@wangge/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/database';
import { createCaseFeedRepo, type FeedFilter } from './case-feed.repo';

export type { FeedFilter } from './case-feed.repo';

/** One case as a public feed may use it: no reporter, no staff, no snapshot. */
export interface FeedCase {
  id: string;
  caseNo: string;
  state: CaseState;
  open: boolean;
  source: CaseSource;
  kind: string;
  classCode: string | null;
  streetCode: string;
  communityCode: string;
  gridCode: string;
  position: [number, number];
  address: string;
  description: string;
  handlingDeptId: string | null;
  closeReason: CloseReason | null;
  supervisionLevel: string | null;
  deadlineAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** The number of the case a merged report follows. */
  masterCaseNo: string | null;
}

/** A logged step, as public history reads it (no actor, no note). */
export interface FeedEvent {
  caseId: string;
  action: string;
  fromState: string | null;
  toState: string;
  at: string;
  data: unknown;
}

/**
 * The public feed of reports (Open311 GET requests, docs/open311.md): every case past intake, across the whole
 * jurisdiction (the public has no area scope), newest report first. What of it may be shown is the caller's policy.
 */
export function createCaseFeed(db: Kysely<DB>) {
  const repo = createCaseFeedRepo(db);
  return {
    async list(f: FeedFilter): Promise<FeedCase[]> {
      const rows = await repo.list(f);
      return rows.map((r) => ({
        id: r.id,
        caseNo: r.case_no,
        state: r.state as CaseState,
        open: Number(r.is_open) === 1,
        source: r.source as CaseSource,
        kind: r.kind,
        classCode: r.class_code,
        streetCode: r.street_code,
        communityCode: r.community_code,
        gridCode: r.grid_code,
        position: [Number(r.lng), Number(r.lat)],
        address: r.address,
        description: r.description,
        handlingDeptId: r.handling_dept_id,
        closeReason: r.close_reason as CloseReason | null,
        supervisionLevel: r.supervision_level,
        deadlineAt: r.deadline_at,
        closedAt: r.closed_at,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        masterCaseNo: r.master_case_no ?? null,
      }));
    },
    async events(caseIds: readonly string[]): Promise<FeedEvent[]> {
      return (await repo.events(caseIds)).map((e) => ({
        caseId: e.case_id,
        action: e.action,
        fromState: e.from_state,
        toState: e.to_state,
        at: e.at,
        data: parseData(e.data),
      }));
    },
  };
}
export type CaseFeed = ReturnType<typeof createCaseFeed>;

function parseData(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
