import type { Kysely } from 'kysely';
import type {
  CreateResidentFileRequest,
  RaiseCaseFromFileRequest,
  ResidentFile,
  ResidentFileListQuery,
  UpdateResidentFileRequest,
} from '@wangge/shared';
import { can, type Actor } from '../../core/auth/actor';
import {
  assertActionInScope,
  FULL_SCOPE,
  inScope,
  referenceInScope,
} from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { AppError, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import type { ReportCase } from '../cases';
import { presentResidentFile } from './resident-files.presenter';
import { createResidentFilesRepo } from './resident-files.repo';
import type { ResidentFilesTable } from './resident-files.tables';
import type { AreaRefs } from '../areas';

/** Where a house or person is counted (their area codes). */
export interface PlaceRef {
  id: string;
  adminCode: string;
  streetCode: string;
  communityCode: string;
  gridCode: string | null;
}

/** What 民情档案 asks of other modules (late-bound in createServices). */
export interface ResidentFilesDeps {
  db: Kysely<DB>;
  clock: Clock;
  personRefs(ids: string[]): Promise<(PlaceRef & { maskedName: string })[]>;
  houseRefs(ids: string[]): Promise<PlaceRef[]>;
  areaRefs: AreaRefs;
  describeAttachments(ids: string[]): Promise<{ id: string; uploaderId: string | null }[]>;
  /** The cases module's intake, acting as the caller. */
  reportCase: ReportCase;
}

type Codes = Pick<
  ResidentFilesTable,
  'admin_code' | 'street_code' | 'community_code' | 'grid_code'
>;
/** Where the registries file a house or person: its grid, or its community when it has none. */
const placeCodeOf = (p: PlaceRef) => p.gridCode ?? p.communityCode;
const codesOf = (p: PlaceRef): Codes => ({
  admin_code: p.adminCode,
  street_code: p.streetCode,
  community_code: p.communityCode,
  grid_code: p.gridCode,
});
const actionCode = (r: Codes) => r.grid_code ?? r.community_code;

/** 民情档案 / 民情日志 / 社情民意, and turning an entry into a case. */
export function createResidentFilesService(deps: ResidentFilesDeps) {
  const repo = createResidentFilesRepo(deps.db);
  const nowIso = () => deps.clock.now().toISOString();
  const conflict = (row: { version: number }) =>
    new AppError('conflict', '记录已被他人修改，请刷新后重试', {
      details: { version: row.version },
    });

  async function present(rows: ResidentFilesTable[]): Promise<ResidentFile[]> {
    const personIds = [
      ...new Set(rows.map((r) => r.person_id).filter((x): x is string => Boolean(x))),
    ];
    const grids = [...new Set(rows.map((r) => r.grid_code).filter((x): x is string => Boolean(x)))];
    const [persons, areas] = await Promise.all([
      personIds.length ? deps.personRefs(personIds) : [],
      grids.length ? deps.areaRefs(grids) : [],
    ]);
    const names = new Map(persons.map((p) => [p.id, p.maskedName]));
    const gridNames = new Map(areas.map((a) => [a.code, a.name]));
    return rows.map((r) =>
      presentResidentFile(r, {
        personName: (id) => names.get(id) ?? null,
        gridName: (c) => gridNames.get(c) ?? null,
      }),
    );
  }

  /** The codes of the entry: from the house, else the person, else the grid named, else the author's only grid. */
  async function placeOf(actor: Actor, input: CreateResidentFileRequest): Promise<Codes> {
    if (input.houseId) {
      const [house] = await deps.houseRefs([input.houseId]);
      return codesOf(referenceInScope(actor.scope, house, placeCodeOf, '房屋', 'houseId'));
    }
    if (input.personId) {
      const [person] = await deps.personRefs([input.personId]);
      return codesOf(referenceInScope(actor.scope, person, placeCodeOf, '人员', 'personId'));
    }
    const only =
      !actor.scope.all && actor.scope.prefixes.length === 1 ? actor.scope.prefixes[0] : undefined;
    const gridCode = input.gridCode ?? only;
    const [grid] = gridCode ? await deps.areaRefs([gridCode]) : [];
    if (!grid || grid.level !== 'grid')
      throw new AppError('validation_failed', '请选择网格', { field: 'gridCode' });
    // Codes extend their parent's: 6 district + 3 street + 3 community digits, then the grid's.
    return {
      admin_code: grid.code.slice(0, 6),
      street_code: grid.code.slice(0, 9),
      community_code: grid.code.slice(0, 12),
      grid_code: grid.code,
    };
  }

  async function checkAttachments(actor: Actor, ids: string[]) {
    if (!ids.length) return;
    const found = await deps.describeAttachments(ids);
    if (found.length !== ids.length || !found.every((a) => a.uploaderId === actor.id))
      throw new AppError('validation_failed', '附件不存在或不是您上传的', { field: 'attachments' });
  }

  async function forAction(actor: Actor, id: string) {
    const row = await repo.findById(FULL_SCOPE, id);
    if (!row) throw notFound('民情记录');
    assertActionInScope(actor.scope, actionCode(row));
    return row;
  }

  return {
    /** Entries dated in a period per area and kind or author (registry figures; scope narrowed by the caller). */
    figureCounts: repo.countBy,
    async list(
      actor: Actor,
      q: ResidentFileListQuery,
    ): Promise<{ items: ResidentFile[]; total: number }> {
      const [rows, total] = await Promise.all([
        repo.list(actor.scope, q, q),
        repo.count(actor.scope, q),
      ]);
      return { items: await present(rows), total };
    },

    async get(actor: Actor, id: string): Promise<ResidentFile> {
      const row = await repo.findById(actor.scope, id);
      if (!row) throw notFound('民情记录');
      return (await present([row]))[0]!;
    },

    async create(actor: Actor, input: CreateResidentFileRequest): Promise<ResidentFile> {
      const codes = await placeOf(actor, input);
      if (!inScope(actor.scope, actionCode(codes)))
        throw new AppError('forbidden', '该记录不在您的管辖范围内');
      const attachments = [...new Set(input.attachments ?? [])];
      await checkAttachments(actor, attachments);
      const now = nowIso();
      const row: ResidentFilesTable = {
        id: newId(),
        kind: input.kind,
        at: input.at ? new Date(input.at).toISOString() : now,
        house_id: input.houseId ?? null,
        person_id: input.personId ?? null,
        raised: input.raised,
        follow_up: input.followUp ?? null,
        status: 'open',
        ...codes,
        attachments: JSON.stringify(attachments),
        case_id: null,
        case_no: null,
        author_id: actor.id,
        author_name: actor.displayName,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await repo.insert(row);
      return (await present([row]))[0]!;
    },

    async update(
      actor: Actor,
      id: string,
      input: UpdateResidentFileRequest,
    ): Promise<ResidentFile> {
      const row = await forAction(actor, id);
      if (row.version !== input.version) throw conflict(row);
      const patch: Partial<ResidentFilesTable> = { version: row.version + 1, updated_at: nowIso() };
      if (input.raised !== undefined) patch.raised = input.raised;
      if (input.followUp !== undefined) patch.follow_up = input.followUp;
      if (input.status !== undefined) patch.status = input.status;
      if (input.attachments !== undefined) {
        const ids = [...new Set(input.attachments)];
        const known = new Set(JSON.parse(row.attachments) as string[]);
        // Attachments already on the entry stay; new ones must be the caller's own uploads.
        await checkAttachments(
          actor,
          ids.filter((a) => !known.has(a)),
        );
        patch.attachments = JSON.stringify(ids);
      }
      if (!(await repo.updateIfVersion(id, row.version, patch))) throw conflict(row);
      return (await present([{ ...row, ...patch }]))[0]!;
    },

    /** Entry photos: for readers of 民情档案 whose scope holds an entry showing them (the attachments module asks). */
    canViewAttachment: async (actor: Actor, attachmentId: string) =>
      can(actor, 'residentFiles.read') && (await repo.attachmentVisible(actor.scope, attachmentId)),

    /**
     * 转为案件: reports a case through the cases intake as the caller (a grid staff report, 巡查上报), then links it.
     * A resident's need is a 民生服务 case unless another class is chosen. Retries return the same case.
     */
    async raiseCase(
      actor: Actor,
      id: string,
      input: RaiseCaseFromFileRequest,
    ): Promise<ResidentFile> {
      const row = await forAction(actor, id);
      if (row.case_id)
        throw new AppError('conflict', '该记录已转为案件', { details: { caseId: row.case_id } });
      if (!can(actor, 'cases.report')) throw new AppError('forbidden', '无权上报案件');
      const photos = row.author_id === actor.id ? (JSON.parse(row.attachments) as string[]) : [];
      const reported = await deps.reportCase(actor, {
        lng: input.lng,
        lat: input.lat,
        crs: 'wgs84',
        address: input.address,
        description: input.description ?? row.raised.slice(0, 2000),
        classCode: input.categoryCode,
        source: 'patrol',
        ...(photos.length ? { photos } : {}),
        idempotencyKey: `resident-file:${row.id}`,
      });
      const status = row.status === 'open' ? 'followed_up' : row.status;
      if (!(await repo.linkCase(id, reported.id, reported.caseNo, status, nowIso())))
        throw new AppError('conflict', '该记录已转为案件');
      return this.get(actor, id);
    },
  };
}
export type ResidentFilesService = ReturnType<typeof createResidentFilesService>;
