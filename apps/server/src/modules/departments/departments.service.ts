import type { Kysely } from 'kysely';
import type { CreateDepartmentRequest, Department } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { assertActionInScope, FULL_SCOPE, inScope } from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { AppError, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import type { AuditService } from '../audit';
import { createDepartmentsRepo } from './departments.repo';
import type { DepartmentsTable } from './departments.tables';
import type { AreaRefs } from '../areas';

export interface DepartmentsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditService;
  areaRefs: AreaRefs;
}

/** 专业部门: the departments cases are dispatched to, each serving an area subtree. */
export function createDepartmentsService(deps: DepartmentsDeps) {
  const repo = createDepartmentsRepo(deps.db);
  const nowIso = () => deps.clock.now().toISOString();

  async function present(rows: DepartmentsTable[]): Promise<Department[]> {
    const refs = new Map(
      (await deps.areaRefs([...new Set(rows.map((r) => r.area_code))])).map((a) => [
        a.code,
        a.name,
      ]),
    );
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      creditCode: r.credit_code,
      areaCode: r.area_code,
      areaName: refs.get(r.area_code) ?? null,
      createdAt: r.created_at,
    }));
  }

  async function checkArea(actor: Actor, code: string) {
    if (!inScope(actor.scope, code))
      throw new AppError('forbidden', `区域 ${code} 超出您的管辖范围`);
    if ((await deps.areaRefs([code])).length === 0)
      throw new AppError('validation_failed', `区域 ${code} 不存在`, { field: 'areaCode' });
  }

  return {
    async list(actor: Actor) {
      return present(await repo.list(actor.scope));
    },

    /** Departments by id, whatever their area (for other modules' lookups: matrix, dispatch checks). */
    async byIds(ids: readonly string[]) {
      return present(await repo.findByIds(FULL_SCOPE, ids));
    },

    /** Whether a department exists in any area (users and cases name departments outside the caller's scope). */
    async exists(id: string): Promise<boolean> {
      return (await repo.findByIds(FULL_SCOPE, [id])).length > 0;
    },

    /** Departments by code, whatever their area (the dispatch matrix workbook names departments by code). */
    async byCodes(codes: readonly string[]) {
      return present(await repo.findByCodes(codes));
    },

    async byCreditCodes(codes: readonly string[]) {
      return present(await repo.findByCreditCodes(codes.map((c) => c.toUpperCase())));
    },

    async get(actor: Actor, id: string) {
      const row = await repo.findById(actor.scope, id);
      if (!row) throw notFound('部门');
      return (await present([row]))[0]!;
    },

    async create(
      actor: Actor,
      input: CreateDepartmentRequest,
      ip: string | null,
      db: Kysely<DB> = deps.db,
    ) {
      await checkArea(actor, input.areaCode);
      if (await repo.findByCode(input.code))
        throw new AppError('duplicate', `部门编码 ${input.code} 已存在`, { field: 'code' });
      const t = nowIso();
      const row: DepartmentsTable = {
        id: newId(),
        code: input.code,
        name: input.name,
        credit_code: input.creditCode ?? null,
        area_code: input.areaCode,
        created_at: t,
        updated_at: t,
      };
      await repo.insert(db, row);
      await deps.audit.record(
        {
          action: 'department_changed',
          actor,
          targetType: 'department',
          targetId: row.id,
          ip,
          detail: { created: input },
        },
        db,
      );
      return this.get(actor, row.id);
    },

    async update(
      actor: Actor,
      id: string,
      input: Partial<Omit<CreateDepartmentRequest, 'code'>>,
      ip: string | null,
    ) {
      const row = await repo.findById(FULL_SCOPE, id);
      if (!row) throw notFound('部门');
      assertActionInScope(actor.scope, row.area_code);
      if (input.areaCode) await checkArea(actor, input.areaCode);
      await repo.update(id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.creditCode !== undefined ? { credit_code: input.creditCode } : {}),
        ...(input.areaCode !== undefined ? { area_code: input.areaCode } : {}),
        updated_at: nowIso(),
      });
      await deps.audit.record({
        action: 'department_changed',
        actor,
        targetType: 'department',
        targetId: id,
        ip,
        detail: { updated: input },
      });
      return this.get(actor, id);
    },
  };
}
export type DepartmentsService = ReturnType<typeof createDepartmentsService>;
