import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/database';

/** What the public feed filters by; every list is already split and checked by the caller. */
export interface FeedFilter {
  /** Case numbers: when given, the other filters are ignored (Open311 service_request_id). */
  caseNos?: readonly string[];
  classCodes?: readonly string[];
  /** Report time window [from, to] (ISO instants). */
  from?: string;
  to?: string;
  open?: boolean;
  /** WGS84 [minLng, minLat, maxLng, maxLat]. */
  bbox?: readonly [number, number, number, number];
  limit: number;
  offset: number;
}

// Not reports (yet): an AI candidate nobody confirmed, and one dismissed.
const NOT_REPORTS = ['candidate', 'dismissed'];

/**
 * The SQL of the public feed (Open311 GET requests): cases in report-time order with the columns a public view may
 * use. Reporter, idempotency key, external order and the snapshot are never selected.
 */
export function createCaseFeedRepo(db: Kysely<DB>) {
  return {
    list(f: FeedFilter) {
      let q = db
        .selectFrom('cases')
        .leftJoin('cases as m', 'm.id', 'cases.master_case_id')
        .select([
          'cases.id',
          'cases.case_no',
          'cases.state',
          'cases.is_open',
          'cases.source',
          'cases.kind',
          'cases.class_code',
          'cases.street_code',
          'cases.community_code',
          'cases.grid_code',
          'cases.lng',
          'cases.lat',
          'cases.address',
          'cases.description',
          'cases.handling_dept_id',
          'cases.close_reason',
          'cases.supervision_level',
          'cases.deadline_at',
          'cases.closed_at',
          'cases.created_at',
          'cases.updated_at',
          'm.case_no as master_case_no',
        ])
        .where('cases.state', 'not in', NOT_REPORTS);
      if (f.caseNos) {
        q = q.where('cases.case_no', 'in', f.caseNos.length ? [...f.caseNos] : ['-']);
      } else {
        if (f.classCodes?.length) q = q.where('cases.class_code', 'in', [...f.classCodes]);
        if (f.from) q = q.where('cases.created_at', '>=', f.from);
        if (f.to) q = q.where('cases.created_at', '<=', f.to);
        if (f.open !== undefined) q = q.where('cases.is_open', '=', f.open ? 1 : 0);
        if (f.bbox) {
          const [x0, y0, x1, y1] = f.bbox;
          q = q
            .where('cases.lng', '>=', x0)
            .where('cases.lng', '<=', x1)
            .where('cases.lat', '>=', y0)
            .where('cases.lat', '<=', y1);
        }
      }
      return q
        .orderBy('cases.created_at', 'desc')
        .orderBy('cases.id', 'desc')
        .limit(f.limit)
        .offset(f.offset)
        .execute();
    },

    /** The logs of several cases (for their public history), in order. */
    events: (caseIds: readonly string[]) =>
      caseIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('case_events')
            .select(['case_id', 'seq', 'action', 'from_state', 'to_state', 'at', 'data'])
            .where('case_id', 'in', [...caseIds])
            .orderBy('case_id')
            .orderBy('seq')
            .execute(),
  };
}
