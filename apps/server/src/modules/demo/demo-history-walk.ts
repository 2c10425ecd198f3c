import type { CaseTransitionRequest, CaseView } from '@wangge/shared';
import type { Services } from '../../app';
import { pseudoActor, type Actor } from '../../core/auth/actor';
import type { SeededRandom } from '../../core/seeded-random';
import { MATRIX } from './demo-cases';
import type { DemoClock } from './demo-clock';
import type { HistoryPlan } from './demo-history-plan';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Ends the walk of one case: its next step would fall after the history's end, so the case stays as it is. */
export class PastTheEnd extends Error {}

export interface HistoryContext {
  s: Services;
  clock: DemoClock;
  rng: SeededRandom;
  end: number;
  intake: Actor;
  shift: Actor;
  dispatcher: Actor;
  leader: Actor;
  hotline: Actor;
  handlers: Map<string, Actor>;
  /** Department id per matrix code (municipal, sanitation …). */
  deptIds: Map<string, string>;
  actor(username: string): Promise<Actor>;
  photoOf(actor: Actor): Promise<string>;
  condition(classCode: string): Promise<string>;
}

/** The matrix's department of a class, or any department with a handler account. */
function deptOf(ctx: HistoryContext, classCode: string): string {
  const id = ctx.deptIds.get(MATRIX.find(([major]) => classCode.startsWith(major))?.[1] ?? '');
  return id && ctx.handlers.has(id) ? id : [...ctx.handlers.keys()][0]!;
}

type Handling = 'on_time' | 'late' | 'extension' | 'suspension' | 'left_open';

/**
 * One case's life as its plan says, each step as the role that takes it, the clock set to the step's time; times
 * follow the deadlines the workflow gave (on time before them, late after).
 */
export async function walk(
  ctx: HistoryContext,
  plan: HistoryPlan,
  grid: { code: string; center: [number, number]; admin: string },
): Promise<void> {
  const { s, rng } = ctx;
  let t = plan.at;
  const later = (minMinutes: number, maxMinutes: number) => {
    t += Math.round(rng.range(minMinutes, maxMinutes)) * MINUTE;
  };
  const field = await ctx.actor(grid.admin);
  const citizen = pseudoActor(`citizen:demo-history-${plan.index}`, {
    code: 'citizen',
    name: '市民',
  });
  const reporter = {
    patrol: field,
    public: citizen,
    hotline_12345: ctx.intake,
    leader: ctx.leader,
  }[plan.source];
  const date = new Date(t + 8 * HOUR).toISOString().slice(0, 10).replaceAll('-', '');
  ctx.clock.set(new Date(t));
  let c: CaseView = (
    await s.cases.report(reporter, {
      lng: grid.center[0],
      lat: grid.center[1],
      crs: 'wgs84',
      address: `${grid.code.slice(-2)}号网格 第${rng.int(1, 60)}号楼附近`,
      description: plan.description,
      classCode: plan.classCode,
      source: plan.source,
      idempotencyKey: `demo-history-${plan.index.toString().padStart(4, '0')}`,
      ...(plan.source === 'hotline_12345'
        ? { hotline: { orderId: `ZZ12345-${date}-${plan.index.toString().padStart(6, '0')}` } }
        : {}),
    })
  ).case;
  const go = async (
    a: Actor,
    action: CaseTransitionRequest['action'],
    input: Omit<CaseTransitionRequest, 'action' | 'version'> = {},
  ) => {
    if (t >= ctx.end) throw new PastTheEnd();
    ctx.clock.set(new Date(t));
    c = await s.cases.transition(a, c.id, { action, version: c.version, ...input });
  };
  const handleDeadline = () =>
    Date.parse(c.clocks.find((k) => k.step === 'handle')?.deadlineAt ?? new Date(t).toISOString());

  /** 派遣 to a department, its 处置 (on time or late) and the dispatcher's acceptance of the feedback. */
  const handle = async (departmentId: string, how: Handling) => {
    later(10, 50);
    await go(ctx.dispatcher, 'dispatch', { departmentId });
    const handler = ctx.handlers.get(departmentId)!;
    const dispatched = t;
    const due = handleDeadline();
    // Past the deadline the district leader raises 督办 (a leader's own case carries one from its report) and the
    // department answers it.
    if ((how === 'late' || how === 'left_open') && plan.source !== 'leader') {
      t = Math.max(t, due) + rng.range(1, 3) * HOUR;
      await go(ctx.leader, 'supervise', { level: 'normal', note: '请抓紧处置，按期办结' });
      later(30, 150);
      await go(handler, 'reply_supervision', { note: '已加派人员，尽快办结' });
    }
    if (how === 'left_open') throw new PastTheEnd();
    if (how === 'extension') {
      later(30, 120);
      await go(handler, 'request_extension', {
        reason: '需协调产权单位，申请延期',
        extension: { value: 2, limitType: 'work_day' },
      });
      later(20, 90);
      await go(ctx.dispatcher, 'approve_request', { requestType: 'extension' });
      const extended = handleDeadline();
      t = Math.max(t + 30 * MINUTE, due + (extended - due) * rng.range(0.2, 0.7));
    } else if (how === 'suspension') {
      later(30, 120);
      await go(handler, 'request_suspension', { reason: '等待配套工程完工' });
      later(20, 90);
      await go(ctx.dispatcher, 'approve_request', { requestType: 'suspension' });
      later(24 * 60, 4 * 24 * 60);
      await go(ctx.dispatcher, 'resume');
      const resumed = t;
      t = resumed + Math.max(20 * MINUTE, (handleDeadline() - resumed) * rng.range(0.2, 0.7));
    } else if (how === 'late') {
      t = Math.max(t + 30 * MINUTE, due + rng.range(3, 60) * HOUR);
    } else {
      t = dispatched + Math.max(20 * MINUTE, (due - dispatched) * rng.range(0.2, 0.8));
    }
    await go(handler, 'submit_feedback', {
      result: '已处理完毕，现场恢复正常',
      photos: [await ctx.photoOf(handler)],
    });
    later(15, 60);
    await go(ctx.dispatcher, 'accept_feedback');
  };

  // 受理 (or 核实 of a citizen's report); a leader's case goes straight to 立案.
  if (plan.source !== 'leader') {
    if (plan.slowIntake) later(90, 300);
    else later(5, 40);
    if (plan.scenario === 'reject')
      return void (await go(ctx.intake, 'reject', { reason: '不属于城市管理范围' }));
    if (plan.source === 'public') {
      await go(ctx.intake, 'send_verify', { assigneeId: field.id });
      later(20, 90);
      await go(field, 'verify_true', {
        photos: [await ctx.photoOf(field)],
        gps: { lng: grid.center[0], lat: grid.center[1] },
      });
    } else await go(ctx.intake, 'accept');
  }
  later(5, 40);
  await go(ctx.shift, 'register', {
    classCode: plan.classCode,
    conditionId: await ctx.condition(plan.classCode),
  });
  if (plan.scenario === 'void') {
    later(10, 40);
    await go(ctx.dispatcher, 'request_void', { reason: '重复上报，已有案件在办' });
    later(20, 60);
    return void (await go(ctx.shift, 'approve_request', { requestType: 'void' }));
  }
  let dept = deptOf(ctx, plan.classCode);
  if (plan.scenario === 'send_back') {
    later(10, 50);
    await go(ctx.dispatcher, 'dispatch', { departmentId: dept });
    later(30, 180);
    await go(ctx.handlers.get(dept)!, 'request_send_back', { reason: '不属于本部门职责' });
    later(20, 90);
    await go(ctx.dispatcher, 'approve_request', { requestType: 'send_back' });
    const others = [...ctx.handlers.keys()].filter((d) => d !== dept);
    dept = others[plan.index % others.length]!;
  }
  const first: Record<HistoryPlan['scenario'], Handling> = {
    on_time: 'on_time',
    late: 'late',
    extension: 'extension',
    suspension: 'suspension',
    send_back: 'on_time',
    rework: 'on_time',
    void: 'on_time',
    reject: 'on_time',
    open_overdue: 'left_open',
  };
  await handle(dept, first[plan.scenario]);
  // 核查 by the grid's administrator; a failed one sends the case back to the same department (返工).
  const check = async (pass: boolean) => {
    later(5, 30);
    await go(ctx.intake, 'send_check', { assigneeId: field.id });
    later(60, 180);
    if (pass) await go(field, 'check_pass', { photos: [await ctx.photoOf(field)] });
    else await go(field, 'check_fail', { reason: '现场仍有问题，需返工' });
  };
  if (plan.scenario === 'rework') {
    await check(false);
    await handle(dept, 'on_time');
  }
  await check(true);
  later(20, 50);
  await go(ctx.shift, 'close', { closeReason: 'fixed' });
  if (!plan.rating) return;
  later(120, 30 * 60);
  const rater = plan.source === 'public' ? citizen : ctx.hotline;
  if (plan.rating !== 'dissatisfied')
    return void (await go(rater, 'rate', { rating: plan.rating }));
  // 不满意 with a reason opens the 重开 request; the 值班长 approves it and the department works again.
  await go(rater, 'rate', { rating: 'dissatisfied', reason: '问题反弹，仍未解决' });
  later(30, 120);
  await go(ctx.shift, 'approve_request', { requestType: 'reopen' });
  await handle(dept, 'on_time');
  await check(true);
  later(20, 50);
  await go(ctx.shift, 'close', { closeReason: 'fixed' });
}
