import { CHANNEL_FIELDS, intakeEntry, type ReportCaseRequest } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { plainTransactions } from '../../core/db/group-commit';
import { AppError } from '../../core/errors';
import { newId } from '../../core/ids';
import { applyCaseEffects, withDeadlines } from './apply-case-effects';
import { emptyStored } from './case-record';
import { changed, type CasesContext, type CaseViewOf } from './cases-context';
import { defaultSource, mayReportAt, mayReuseHotlineCase } from './cases.policy';
import { caseNumber } from './cases.presenter';
import type { CasesTable } from './cases.tables';

/**
 * 上报 from every channel — a user's report, a 12345 派单, a video-recognition candidate — through one
 * path: located, classified, timed and logged in one transaction, one case per idempotency key.
 */
export function createCaseIntake(ctx: CasesContext) {
  const { deps, repo, view } = ctx;
  const intakeTransaction = deps.intakeTransaction ?? plainTransactions(deps.db);

  /** The checks before anything is written; returns the input with a detection frame joined to its photos. */
  async function validate(actor: Actor, input: ReportCaseRequest) {
    let kind = 'matter';
    let classCode = input.classCode;
    let componentId: string | null = null;
    if (input.componentCode) {
      const component = await deps.componentByCode(input.componentCode);
      if (!component)
        throw new AppError('validation_failed', `部件 ${input.componentCode} 未登记`, {
          field: 'componentCode',
        });
      componentId = component.id;
      // A 部件's problem is filed under the 事项 of the same digits (…异常) unless named.
      classCode ??= component.classCode;
    }
    if (classCode) {
      const category = await deps.category(classCode);
      if (!category?.active)
        throw new AppError('validation_failed', `分类 ${classCode} 不存在或已停用`, {
          field: input.classCode ? 'classCode' : 'componentCode',
        });
      if (input.selfHandled && !category.selfHandleAllowed)
        throw new AppError('validation_failed', '该分类不允许自行处置', { field: 'selfHandled' });
      kind = category.kind;
    }
    if (input.selfHandled && !input.photos?.length)
      throw new AppError('validation_failed', '自行处置须上传处置前后照片', { field: 'photos' });
    if (input.photos?.length && !(await deps.photosOwnedBy(input.photos, actor.id)))
      throw new AppError('validation_failed', '照片不存在或不是您上传的', { field: 'photos' });
    const frame = input.detection?.imageId;
    if (frame && !(await deps.photosOwnedBy([frame], actor.id)))
      throw new AppError('validation_failed', '识别图片不存在或不是您上传的', {
        field: 'detection.imageId',
      });
    // The detected frame is the candidate's evidence: it joins the photos, so it is linked and shown like one.
    if (frame && !input.photos?.includes(frame))
      input = { ...input, photos: [...(input.photos ?? []), frame] };
    return { input, kind, classCode, componentId };
  }

  /** 上报: one case per idempotency key, located, timed and logged in one transaction. */
  async function report(
    actor: Actor,
    input: ReportCaseRequest,
  ): Promise<{ created: boolean; case: CaseViewOf }> {
    if (input.idempotencyKey) {
      const existing = await repo.findByIdempotencyKey(`${actor.id}:${input.idempotencyKey}`);
      if (existing) return { created: false, case: await view(actor, existing) };
    }
    const source = defaultSource(actor, input.source);
    // The HTTP schema also requires each channel's details; modules calling report() directly are only kept
    // from attaching them to the wrong channel.
    for (const [field, only, label] of CHANNEL_FIELDS) {
      if (source !== only && input[field])
        throw new AppError('validation_failed', `只有来源 ${only} 可以填写${label}`, { field });
    }
    if (input.hotline) {
      // 12345 may re-send a 派单: the order's case answers, like a retry with the same idempotency key.
      const existing = await repo.findByExternalId(input.hotline.orderId);
      if (existing && !mayReuseHotlineCase(actor, existing))
        throw new AppError('conflict', `12345 工单 ${input.hotline.orderId} 已登记`, {
          field: 'hotline.orderId',
        });
      if (existing) return { created: false, case: await view(actor, existing) };
    }
    const at = await deps.gridAt(input.lng, input.lat, input.crs);
    if (!at) throw new AppError('validation_failed', '该位置不在任何网格内', { field: 'lng' });
    if (!mayReportAt(actor, at.place.gridCode))
      throw new AppError('forbidden', '该位置不在您的管辖范围内');
    const checked = await validate(actor, input);
    input = checked.input;

    const now = deps.clock.now();
    const entry = intakeEntry({ source, reporterId: actor.id });
    const externalDeadline = input.hotline?.deadline
      ? new Date(input.hotline.deadline).toISOString()
      : null;
    const stored = {
      ...emptyStored(Boolean(input.selfHandled)),
      photos: input.photos ?? [],
      ...(input.hotline ? { externalDeadline } : {}),
      ...(input.detection ? { detection: input.detection } : {}),
    };
    const id = newId();
    const base: CasesTable = {
      id,
      case_no: caseNumber(now),
      state: entry.state,
      is_open: 1,
      version: 1,
      source,
      kind: checked.kind,
      class_code: checked.classCode ?? null,
      condition_id: null,
      component_id: checked.componentId,
      admin_code: at.place.adminCode,
      street_code: at.place.streetCode,
      community_code: at.place.communityCode,
      grid_code: at.place.gridCode,
      grid_version: at.place.gridVersion,
      lng: at.position[0],
      lat: at.position[1],
      address: input.address,
      description: input.description,
      reporter_id: actor.id,
      // A 12345 order id is the order's idempotency key, whoever enters it: a re-send racing the first one is
      // then answered by the intake's unique-key path with the case that won.
      idempotency_key: input.hotline
        ? `hotline_12345:${input.hotline.orderId}`
        : input.idempotencyKey
          ? `${actor.id}:${input.idempotencyKey}`
          : null,
      external_id: input.hotline?.orderId ?? null,
      handling_dept_id: null,
      master_case_id: null,
      close_reason: null,
      supervision_level: null,
      urgent: input.urgent ? 1 : 0,
      rework_count: 0,
      reopen_count: 0,
      step: null,
      step_started_at: null,
      step_limit: null,
      due_at: '9999-12-31T00:00:00.000Z',
      deadline_at: null,
      registered_at: null,
      closed_at: null,
      snapshot: JSON.stringify(stored),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    const { patch, deadlines } = await applyCaseEffects(base, entry.effects, ctx.effectCtx(now));
    const row = { ...base, ...patch };
    const event = {
      id: newId(),
      case_id: id,
      seq: 1,
      action: 'report',
      from_state: null,
      to_state: row.state,
      actor_id: actor.id,
      actor_name: actor.displayName,
      actor_role: actor.roles[0]?.code ?? null,
      note: null,
      data: JSON.stringify({
        source,
        photos: input.photos ?? [],
        selfHandled: Boolean(input.selfHandled),
        ...(input.hotline
          ? { hotline: { orderId: input.hotline.orderId, deadline: externalDeadline } }
          : {}),
        // The model version is logged with the detection, so a bad release's candidates can be found.
        ...(input.detection ? { detection: input.detection } : {}),
        ...withDeadlines(deadlines),
      }),
      at: now.toISOString(),
    };
    for (let attempt = 1; ; attempt++) {
      try {
        // The one-statement insert (PostgreSQL) has no room for the indicator projection's rows.
        if (deps.insertsInWith && !input.photos?.length && !deps.projectCase)
          await repo.insertInOneStatement(row, event);
        else
          await intakeTransaction(async (tx) => {
            await repo.insert(tx, row, event);
            await repo.linkAttachments(tx, id, input.photos ?? [], 1);
            if (deps.projectCase) await deps.projectCase(tx, { row, events: [event] });
          });
        break;
      } catch (e) {
        if (!deps.isUniqueViolation(e)) throw e;
        // A retry racing its own first attempt: the key is taken, answer the case that won.
        const existing = row.idempotency_key
          ? await repo.findByIdempotencyKey(row.idempotency_key)
          : undefined;
        if (existing) return { created: false, case: await view(actor, existing) };
        // Otherwise the random case number was taken (rare): draw another.
        if (attempt >= 3) throw e;
        row.case_no = caseNumber(now);
      }
    }
    deps.publish(changed(row, 'report', null, row.created_at));
    return { created: true, case: await view(actor, row) };
  }

  return { report };
}
