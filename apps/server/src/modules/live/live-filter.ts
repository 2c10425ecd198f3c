import { inScope, type AreaScope } from '../../core/auth/area-scope';
import type { BusEvent } from '../../core/events/event-bus';
import type { CaseChangedEvent } from '../cases';

/** Who is watching: the parts of the actor that decide what they may hear of. */
export interface Viewer {
  scope: AreaScope;
  departmentId: string | null;
}

export interface LiveCasesFilter {
  /** Only cases handled by the viewer's department (a department inbox). */
  departmentOnly?: boolean | undefined;
  /** Narrows to one subtree (district, street, community or grid code); never widens the scope. */
  areaCode?: string | undefined;
}

/** The fields a stream sends: codes, ids and states only, never the description, address or people. */
const SENT_FIELDS = [
  'caseId',
  'caseNo',
  'action',
  'fromState',
  'state',
  'gridCode',
  'communityCode',
  'streetCode',
  'adminCode',
  'handlingDeptId',
  'at',
] as const;
export type LiveCaseEvent = Pick<CaseChangedEvent, (typeof SENT_FIELDS)[number]>;

const str = (v: unknown) => typeof v === 'string';
const strOrNull = (v: unknown) => v === null || typeof v === 'string';

/**
 * Events arrive as JSON from other processes; check the fields the filter relies on before
 * trusting them, so a malformed event is dropped rather than sent to the wrong viewer.
 */
export function isCaseChangedEvent(e: BusEvent): e is CaseChangedEvent {
  const c = e as Partial<Record<keyof CaseChangedEvent, unknown>>;
  return (
    c.type === 'case.changed' &&
    SENT_FIELDS.every((f) =>
      f === 'fromState' || f === 'handlingDeptId' ? strOrNull(c[f]) : str(c[f]),
    )
  );
}

/**
 * A case event reaches a viewer whose area scope holds the case's grid (grid codes extend their
 * community's, street's and district's codes, so one prefix test covers every level) or whose
 * department handles the case, wherever it is. The options only narrow that.
 */
export function caseEventVisible(
  viewer: Viewer,
  filter: LiveCasesFilter,
  e: CaseChangedEvent,
): boolean {
  const ownDepartment = viewer.departmentId !== null && e.handlingDeptId === viewer.departmentId;
  if (
    filter.departmentOnly ? !ownDepartment : !(ownDepartment || inScope(viewer.scope, e.gridCode))
  )
    return false;
  return !filter.areaCode || e.gridCode.startsWith(filter.areaCode);
}

export function presentCaseEvent(e: CaseChangedEvent): LiveCaseEvent {
  const out: Partial<Record<(typeof SENT_FIELDS)[number], string | null>> = {};
  for (const f of SENT_FIELDS) out[f] = e[f];
  return out as LiveCaseEvent;
}
