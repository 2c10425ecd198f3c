import type {
  CaseTransitionRequest,
  HotlineDelivery,
  HotlineDeliveryListQuery,
  HotlineDispatch,
  HotlineOutboundKind,
  HotlineSupervise,
  HotlineUrge,
  HotlineVisit,
  HotlineWithdraw,
} from '@wangge/shared';
import { pseudoActor, type Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';
import { AppError, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import type { AuditService } from '../audit';
import type { CaseChangedEvent, CasesService } from '../cases';
import type { DeliveryWorker } from './hotline-delivery';
import { outboundMessages, type LoggedEvent } from './hotline-messages';
import type { HotlineRepo } from './hotline.repo';
import type { HotlineDeliveriesTable } from './hotline.tables';

/** Reads every case's log to derive the centre's messages: the whole area, no permission (it is not a user). */
const READER = pseudoActor('hotline', { code: 'system', name: '12345 回传' });

export interface HotlineDeps {
  repo: HotlineRepo;
  clock: Clock;
  audit: AuditService;
  cases: () => Pick<CasesService, 'get' | 'events' | 'report' | 'transition'>;
  centre: () => { url: string | null; secret: string | null; publicUrl: string | null };
  worker: DeliveryWorker;
  /** Something was queued: a running sender may go now instead of at its next tick. */
  queued?: () => void;
}

/**
 * The centre acting on a case: the token's account (its id in the log, its areas as the reach) in the workflow role
 * `hotline_center`, which the case table allows 评价, 申请重开, 催办, 督办 and 撤回 on 12345 orders only.
 */
const asCentre = (actor: Actor): Actor => ({
  ...actor,
  roles: [{ code: 'hotline_center', name: '12345 热线中心' }],
});

const present = (r: HotlineDeliveriesTable): HotlineDelivery => ({
  id: r.id,
  orderId: r.order_id,
  caseId: r.case_id,
  caseNo: r.case_no,
  kind: r.kind as HotlineOutboundKind,
  status: r.status as HotlineDelivery['status'],
  attempts: r.attempts,
  lastError: r.last_error,
  lastStatusCode: r.last_status_code,
  nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
  deliveredAt: r.delivered_at,
  createdAt: r.created_at,
  payload: JSON.parse(r.payload) as unknown,
});

export function createHotlineService(deps: HotlineDeps) {
  const { repo } = deps;
  const nowIso = () => deps.clock.now().toISOString();
  const inFlight = new Set<Promise<number>>();

  /** The order's case as the centre may see it, or 404 (an order we never had, or outside the account's areas). */
  async function orderCase(actor: Actor, orderId: string) {
    const order = await repo.order(orderId);
    if (!order)
      throw new AppError('not_found', `12345 工单 ${orderId} 不存在`, { field: 'orderId' });
    try {
      return await deps.cases().get(asCentre(actor), order.case_id);
    } catch (e) {
      if (e instanceof AppError && e.code === 'not_found')
        throw new AppError('not_found', `12345 工单 ${orderId} 不存在`, { field: 'orderId' });
      throw e;
    }
  }

  async function act(actor: Actor, orderId: string, input: Omit<CaseTransitionRequest, 'version'>) {
    const c = await orderCase(actor, orderId);
    return deps.cases().transition(asCentre(actor), c.id, { ...input, version: c.version });
  }

  /** The messages a hotline case's log calls for, enqueued once each (every process may call this for one change). */
  async function sync(caseId: string): Promise<number> {
    const c = await deps.cases().get(READER, caseId);
    if (c.source !== 'hotline_12345' || !c.externalId) return 0;
    await repo.saveOrder({
      order_id: c.externalId,
      case_id: c.id,
      case_no: c.caseNo,
      deadline: c.externalDeadline,
      created_at: c.createdAt,
    });
    const centre = deps.centre();
    // Not connected to a centre: nothing to send (the orders are still recorded for inbound calls).
    if (!centre.url) return 0;
    const events = (await deps.cases().events(READER, caseId)) as LoggedEvent[];
    const at = nowIso();
    const rows = outboundMessages(
      {
        id: c.id,
        caseNo: c.caseNo,
        externalId: c.externalId,
        state: c.state,
        closeReason: c.closeReason,
      },
      events,
      centre.publicUrl,
    ).map(
      (m): HotlineDeliveriesTable => ({
        id: newId(),
        dedupe_key: m.dedupeKey,
        order_id: c.externalId!,
        case_id: c.id,
        case_no: c.caseNo,
        kind: m.kind,
        seq: m.seq,
        payload: JSON.stringify(m.payload),
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        lease_token: null,
        lease_until: null,
        last_error: null,
        last_status_code: null,
        delivered_at: null,
        created_at: at,
      }),
    );
    const n = await repo.enqueue(rows);
    if (n > 0) deps.queued?.();
    return n;
  }

  return {
    /** A committed case change (event bus): only hotline cases matter; cheap to ignore the rest. */
    onCaseChanged(e: CaseChangedEvent): Promise<number> {
      // A report matters when it is a 12345 order (by the centre or entered by a 受理员); a later change only for the
      // orders we hold. An event without its source (an older publisher) is read to find out.
      const work = (async () => {
        const ours =
          e.action === 'report'
            ? (e.source ?? 'hotline_12345') === 'hotline_12345'
            : await repo.isOrderCase(e.caseId);
        return ours ? sync(e.caseId) : 0;
      })();
      inFlight.add(work);
      const done = () => void inFlight.delete(work);
      work.then(done, done);
      return work;
    },
    /**
     * After the bus says events may have been lost (a PostgreSQL listener reconnected): re-reads the logs of the
     * orders of the last 90 days, so a missed 接单 or 回单 is queued now rather than at the case's next change.
     */
    async catchUp(): Promise<number> {
      const since = new Date(deps.clock.now().getTime() - 90 * 86_400_000).toISOString();
      let queued = 0;
      for (const id of await repo.orderCasesSince(since, 5_000))
        queued += await sync(id).catch(() => 0); // one unreadable case does not stop the others
      return queued;
    },
    /** Resolves once every case change heard so far has been turned into queued messages (tests, shutdown). */
    async settled(): Promise<void> {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    sync,

    /** 派单: the centre's order becomes a report on the hotline channel; a re-sent order answers its case. */
    async dispatch(actor: Actor, input: HotlineDispatch) {
      const r = await deps.cases().report(actor, {
        source: 'hotline_12345',
        hotline: { orderId: input.orderId, deadline: input.deadline },
        lng: input.lng,
        lat: input.lat,
        crs: input.crs,
        address: input.address,
        description: input.description,
        ...(input.classCode ? { classCode: input.classCode } : {}),
        ...(input.urgent ? { urgent: true } : {}),
      });
      await repo.saveOrder({
        order_id: input.orderId,
        case_id: r.case.id,
        case_no: r.case.caseNo,
        deadline: r.case.externalDeadline,
        created_at: r.case.createdAt,
      });
      return {
        orderId: input.orderId,
        caseId: r.case.id,
        caseNo: r.case.caseNo,
        created: r.created,
      };
    },

    /**
     * 回访: the resident's satisfaction becomes the case's 评价. 不满意 with a comment opens the reopen request by the
     * workflow's own rule (inside the reopen window); `reopen` asks for one explicitly when that rule did not.
     */
    async visit(actor: Actor, orderId: string, input: HotlineVisit) {
      const applied: string[] = [];
      let view = await act(actor, orderId, {
        action: 'rate',
        rating: input.satisfaction,
        ...(input.comment ? { reason: input.comment } : {}),
      });
      applied.push('rate');
      const reopenAsked = input.reopen && input.satisfaction === 'dissatisfied';
      if (reopenAsked && !view.pendingRequests.some((r) => r.type === 'reopen')) {
        view = await act(actor, orderId, {
          action: 'request_reopen',
          reason: input.comment ?? '12345 回访不满意',
        });
        applied.push('request_reopen');
      } else if (view.pendingRequests.some((r) => r.type === 'reopen'))
        applied.push('request_reopen');
      return { orderId, caseId: view.id, state: view.state, applied };
    },

    async urge(actor: Actor, orderId: string, input: HotlineUrge) {
      const v = await act(actor, orderId, {
        action: 'urge',
        ...(input.note ? { note: input.note } : {}),
      });
      return { orderId, caseId: v.id, state: v.state, applied: ['urge'] };
    },

    async supervise(actor: Actor, orderId: string, input: HotlineSupervise) {
      const v = await act(actor, orderId, {
        action: 'supervise',
        level: 'normal',
        note: input.note,
      });
      return { orderId, caseId: v.id, state: v.state, applied: ['supervise'] };
    },

    async withdraw(actor: Actor, orderId: string, input: HotlineWithdraw) {
      const v = await act(actor, orderId, { action: 'withdraw', reason: input.reason });
      return { orderId, caseId: v.id, state: v.state, applied: ['withdraw'] };
    },

    /** The delivery log (administrators). */
    async deliveries(q: HotlineDeliveryListQuery) {
      const { items, total } = await repo.list(q);
      const c = deps.centre();
      return {
        items: items.map(present),
        total,
        configured: { url: c.url, secretSet: Boolean(c.secret) },
      };
    },

    /** 重发: the row goes back to pending and the next pass sends it (now, when a worker runs here). */
    async redeliver(actor: Actor, id: string, ip: string) {
      const row = await repo.byId(id);
      if (!row) throw notFound('回传记录');
      if (!(await repo.redeliver(id, nowIso())))
        throw new AppError('conflict', '该回传正在发送，请稍后再试');
      await deps.audit.record({
        action: 'hotline_redelivered',
        actor,
        targetType: 'hotline_delivery',
        targetId: id,
        ip,
        detail: { orderId: row.order_id, kind: row.kind, previousStatus: row.status },
      });
      deps.queued?.();
      return present((await repo.byId(id))!);
    },

    /** One sending pass (the server runs it on a timer; tests call it). */
    deliverDue: (limit?: number) => deps.worker.runOnce(limit),
  };
}
export type HotlineService = ReturnType<typeof createHotlineService>;
