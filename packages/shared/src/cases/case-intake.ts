import type { CaseSource, CaseState } from './case-states';
import type { Effect } from './case-types';

export interface IntakeOptions {
  source: CaseSource;
  /** The user who reported or, for 领导交办, the leader. */
  reporterId: string | null;
  /** 领导交办 naming the department goes straight to dispatch (product rule, §2.2). */
  leaderNamedDepartment?: boolean;
}

/**
 * Where a new report enters the workflow (docs/case-workflow.md §5) and the effects of its creation.
 * Creation is not a transition of the table: there is no "from" state.
 */
export function intakeEntry(opts: IntakeOptions): { state: CaseState; effects: Effect[] } {
  switch (opts.source) {
    case 'video_ai':
      // A human must confirm AI detections; they are never registered automatically.
      return { state: 'candidate', effects: [{ type: 'start_step', step: 'confirm' }] };
    case 'leader': {
      // 领导交办 carries normal 督办 by default.
      const supervision: Effect[] = opts.reporterId
        ? [{ type: 'raise_supervision', level: 'normal', issuerId: opts.reporterId }]
        : [];
      if (opts.leaderNamedDepartment) {
        return {
          state: 'pending_dispatch',
          effects: [
            { type: 'start_step', step: 'dispatch' },
            { type: 'start_case_clock', cause: 'register' },
            ...supervision,
          ],
        };
      }
      return {
        state: 'pending_registration',
        effects: [{ type: 'start_step', step: 'register' }, ...supervision],
      };
    }
    case 'patrol':
    case 'public':
    case 'open311':
    case 'hotline_12345':
    case 'staff_entry':
      return { state: 'pending_acceptance', effects: [{ type: 'start_step', step: 'accept' }] };
  }
}
