import type { CaseSource, EventDeadlines } from '@wangge/shared';
import type { CaseEventsTable, CasesTable } from '../apps/server/src/modules/cases/cases.tables';

/**
 * Synthetic case logs for the indicator benchmark: the events the workflow writes (report, accept, register,
 * dispatch, acknowledge, feedback, accept_feedback, send_check, check_pass, close, rate), with `data.deadlines` as
 * apply-case-effects records them, and now and then 核实, 延期, 挂账/恢复, 回退 + 改派, 返工, 作废 and 重开.
 * Deterministic per seed. Times are natural minutes; some steps are late on purpose.
 */
export interface HistoryContext {
  grids: readonly string[];
  departments: readonly string[];
  /** User ids by position: who reports, accepts, registers, dispatches, handles, checks. */
  people: { inspector: string; intake: string; shift: string; dispatcher: string; handler: string };
  /** Spread of report times, ms since the epoch: [from, to). */
  from: number;
  to: number;
}

export interface SyntheticCase {
  row: CasesTable;
  events: CaseEventsTable[];
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const SOURCES: CaseSource[] = ['patrol', 'patrol', 'patrol', 'patrol', 'public', 'hotline_12345'];
const RATINGS = ['satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied'];

export function syntheticCase(i: number, total: number, ctx: HistoryContext): SyntheticCase {
  let seed = (i * 2654435761 + 12345) % 2147483647 || 1;
  const r = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number) => r() < p;
  const id = `ib-${i.toString().padStart(8, '0')}`;
  const grid = ctx.grids[i % ctx.grids.length]!;
  const source = pick(SOURCES);
  const publicSource = source !== 'patrol';
  // Chronological: case i is reported at its share of the span, plus up to an hour of jitter.
  let t = ctx.from + Math.floor(((ctx.to - ctx.from) * i) / total) + Math.floor(r() * HOUR);
  const events: CaseEventsTable[] = [];
  let state: string | null = null;
  const p = ctx.people;
  const iso = (ms: number) => new Date(ms).toISOString();
  const ev = (
    action: string,
    to: string,
    actor: [string | null, string | null],
    data: Record<string, unknown> = {},
    deadlines?: EventDeadlines,
  ) => {
    events.push({
      id: `${id}-${events.length + 1}`,
      case_id: id,
      seq: events.length + 1,
      action,
      from_state: state,
      to_state: to,
      actor_id: actor[0],
      actor_name: null,
      actor_role: actor[1],
      note: null,
      data: JSON.stringify(deadlines ? { ...data, deadlines } : data),
      at: iso(t),
    });
    state = to;
  };
  const after = (minutes: number) => (t += Math.floor(minutes * MIN * (0.3 + r() * 1.4)));
  const inspector: [string, string] = [p.inspector, 'grid_supervisor'];
  const intake: [string, string] = [p.intake, 'intake_operator'];
  const shift: [string, string] = [p.shift, 'shift_leader'];
  const dispatcher: [string, string] = [p.dispatcher, 'dispatcher'];
  const handler: [string, string] = [p.handler, 'department_handler'];
  let dept = pick(ctx.departments);
  const dispatch = (kind: string) => {
    ev(
      'dispatch',
      'handling',
      dispatcher,
      {
        departmentId: dept,
        effects: [{ dispatch: { departmentId: dept, kind, overridden: false } }],
      },
      { acknowledge: iso(t + 2 * HOUR), handle: iso(t + 3 * DAY) },
    );
  };
  const handle = (): 'done' | 'voided' => {
    after(40);
    ev('acknowledge', 'handling', handler);
    if (chance(0.05)) {
      after(600);
      ev('request_extension', 'handling', handler, { requestType: 'extension' });
      after(60);
      ev(
        'approve_request',
        'handling',
        shift,
        { requestType: 'extension' },
        {
          handle: iso(t + 3 * DAY),
          case: iso(t + 5 * DAY),
        },
      );
    }
    if (chance(0.03)) {
      after(300);
      ev('request_suspension', 'handling', handler, { requestType: 'suspension' });
      after(60);
      ev('approve_request', 'suspended', shift, { requestType: 'suspension' }, { handle: null });
      after(3 * 24 * 60);
      ev('resume', 'handling', shift, {}, { handle: iso(t + 2 * DAY) });
    }
    if (chance(0.015)) {
      after(120);
      ev('request_void', 'handling', handler, { requestType: 'void' });
      after(60);
      ev('approve_request', 'voided', shift, { requestType: 'void' });
      return 'voided';
    }
    // Mostly within the three days, sometimes after.
    after(chance(0.12) ? 5 * 24 * 60 : 24 * 60);
    ev('submit_feedback', 'feedback_review', handler, { result: '已处置' });
    after(30);
    ev('accept_feedback', 'pending_check', dispatcher, {}, { check_dispatch: iso(t + HOUR) });
    after(20);
    ev('send_check', 'checking', intake, { assigneeId: p.inspector }, { check: iso(t + 4 * HOUR) });
    after(120);
    return 'done';
  };

  ev(
    'report',
    'pending_acceptance',
    publicSource ? [null, null] : inspector,
    { description: '暴露垃圾', classCode: '06010' },
    { accept: iso(t + 30 * MIN) },
  );
  after(20);
  if (chance(0.04)) {
    ev('reject', 'rejected', intake, { reason: '不属于受理范围' });
    return finish();
  }
  if (publicSource && chance(0.4)) {
    ev(
      'send_verify',
      'verifying',
      intake,
      { assigneeId: p.inspector },
      { verify: iso(t + 2 * HOUR) },
    );
    after(90);
    ev('verify_true', 'pending_registration', inspector, {}, { register: iso(t + HOUR) });
  } else ev('accept', 'pending_registration', intake, {}, { register: iso(t + HOUR) });
  after(30);
  // Recent cases may still be open at any step.
  const openNow = () => t > ctx.to;
  ev(
    'register',
    'pending_dispatch',
    shift,
    { classCode: '06010' },
    {
      dispatch: iso(t + HOUR),
      case: iso(t + 7 * DAY),
    },
  );
  after(30);
  dispatch('first');
  if (chance(0.04)) {
    after(240);
    ev('request_send_back', 'handling', handler, { requestType: 'send_back' });
    after(60);
    ev('approve_request', 'pending_dispatch', shift, { requestType: 'send_back' });
    dept = pick(ctx.departments);
    after(30);
    dispatch('redirect');
  }
  if (openNow()) return finish();
  if (handle() === 'voided') return finish();
  if (chance(0.06)) {
    ev('check_fail', 'pending_dispatch', inspector);
    after(30);
    dispatch('rework');
    if (handle() === 'voided') return finish();
  }
  ev('check_pass', 'pending_close', inspector, {}, { close: iso(t + HOUR) });
  after(60);
  ev('close', 'closed', shift, { closeReason: chance(0.05) ? 'duplicate' : 'fixed' });
  if (publicSource || chance(0.2)) {
    after(24 * 60);
    ev('rate', 'closed', [null, null], { rating: pick(RATINGS) });
  }
  if (chance(0.01)) {
    after(24 * 60);
    ev(
      'approve_request',
      'pending_dispatch',
      shift,
      { requestType: 'reopen' },
      {
        case: iso(t + 7 * DAY),
      },
    );
    after(30);
    dispatch('reopen');
    if (handle() === 'done') {
      ev('check_pass', 'pending_close', inspector, {}, { close: iso(t + HOUR) });
      after(60);
      ev('close', 'closed', shift, { closeReason: 'fixed' });
    }
  }
  return finish();

  function finish(): SyntheticCase {
    const first = events[0]!;
    const last = events[events.length - 1]!;
    const open = !['closed', 'rejected', 'voided'].includes(last.to_state);
    return {
      events,
      row: {
        id,
        case_no: `IB${i.toString().padStart(12, '0')}`,
        state: last.to_state,
        is_open: open ? 1 : 0,
        version: events.length,
        source,
        kind: 'matter',
        class_code: '06010',
        condition_id: null,
        component_id: null,
        admin_code: grid.slice(0, 6),
        street_code: grid.slice(0, 9),
        community_code: grid.slice(0, 12),
        grid_code: grid,
        grid_version: 1,
        lng: 113.7,
        lat: 34.78,
        address: '基准测试地址',
        description: '暴露垃圾',
        reporter_id: publicSource ? null : p.inspector,
        idempotency_key: null,
        handling_dept_id: open ? dept : null,
        master_case_id: null,
        close_reason: last.to_state === 'closed' ? 'fixed' : null,
        supervision_level: null,
        urgent: 0,
        rework_count: 0,
        reopen_count: 0,
        step: open ? 'handle' : null,
        step_started_at: last.at,
        step_limit: null,
        due_at: '9999-12-31T00:00:00.000Z',
        deadline_at: null,
        registered_at: events.some((e) => e.action === 'register') ? first.at : null,
        closed_at: last.to_state === 'closed' ? last.at : null,
        snapshot: '{"clocks":{},"pendingRequests":{},"photos":[]}',
        created_at: first.at,
        updated_at: last.at,
      },
    };
  }
}
