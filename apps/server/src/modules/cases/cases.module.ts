import type { Actor } from '../../core/auth/actor';
import { createGroupCommit, plainTransactions } from '../../core/db/group-commit';
import type { Needs, Platform, WiredModule } from '../../wiring';
import { LEADER_ROLE_OF_LEVEL, type ReportCaseRequest } from '@wangge/shared';
import { readStored } from './case-record';
import { registerCasesRoutes } from './cases.routes';
import { createCasesService, type CasesService } from './cases.service';

/** How a registry raises a case as its author (units' hazards, 民情档案 needs): the new case's id and number. */
export type ReportCase = (
  actor: Actor,
  input: ReportCaseRequest,
) => Promise<{ id: string; caseNo: string }>;

/** The cases intake as a `ReportCase` port, looked up at call time. */
export function reportCaseWith(cases: () => Pick<CasesService, 'report'>): ReportCase {
  return async (actor, input) => {
    const r = await cases().report(actor, input);
    return { id: r.case.id, caseNo: r.case.caseNo };
  };
}

type CasesNeeds =
  | 'calendar'
  | 'areas'
  | 'categories'
  | 'conditions'
  | 'departments'
  | 'dispatchRules'
  | 'users'
  | 'notifications'
  | 'components'
  | 'attachments'
  | 'indicators';

/**
 * The case engine needs places, classes, conditions, departments, the dispatch matrix, users' roles, 部件, photos
 * and 站内消息 — all through services; it provides intake, transitions and queues, and publishes every change.
 */
export function casesModule(p: Platform, needs: Needs<CasesNeeds>): WiredModule<CasesService> {
  const { dialect } = p.database;
  const service = createCasesService({
    db: p.db,
    clock: p.clock,
    random: p.random,
    calendar: () => needs().calendar.current(),
    gridAt: (lng, lat, crs) => needs().areas.gridAt(lng, lat, crs),
    category: async (code) => {
      const c = await needs().categories.caseClass(code);
      return c
        ? {
            kind: c.category.kind,
            active: c.usable,
            selfHandleAllowed: c.category.selfHandleAllowed,
            duplicateRadiusM: c.category.duplicateRadiusM,
          }
        : null;
    },
    condition: async (id) => {
      const c = id ? await needs().conditions.getById(id) : null;
      return c
        ? {
            classCode: c.classCode,
            handle: { value: c.limitValue, type: c.limitType },
            steps: c.stepLimits,
            yellowCardAt: c.yellowCardAt,
            redCardAt: c.redCardAt,
          }
        : null;
    },
    departmentExists: (id) => needs().departments.exists(id),
    suggestDepartment: async (q) =>
      q.classCode || q.componentId
        ? ((await needs().dispatchRules.suggest(q)).primary?.id ?? null)
        : null,
    userFacts: async (id) => {
      const a = await needs().users.access(id);
      return a
        ? {
            roleCodes: a.roles.map((r) => r.code),
            departmentId: a.user.department_id,
            scopeCodes: a.areaCodes,
            all: a.scope.all,
          }
        : null;
    },
    publish: (event) => p.events.publish(event),
    projectCase: (tx, ...logs) => needs().indicators.project(tx, ...logs),
    audit: p.audit,
    textIndex: dialect.kind === 'sqlite' ? 'fts5' : 'trgm',
    lookups: {
      areaNames: async (codes) =>
        new Map((await needs().areas.refs(codes)).map((a) => [a.code, a.name])),
      classNames: async (codes) =>
        new Map((await needs().categories.caseClasses(codes)).map((c) => [c.code, c.name])),
      userNames: (ids, viewer) => needs().users.namesFor(ids, viewer.scope),
      // The few hundred best matches are plenty: a name matching more is not a search.
      usersNamed: async (viewer, text) =>
        (await needs().users.list(viewer, { q: text, limit: 200, offset: 0 })).items.map(
          (u) => u.id,
        ),
    },
    // 站内消息 to reporters (and reporters of merged duplicates), written in the transition's transaction.
    deliverNotifications: async (tx, row, targets, about) => {
      if (targets.includes('reporter'))
        await needs().notifications.deliverToReporters(tx, {
          caseId: row.id,
          caseNo: row.case_no,
          reporterId: row.reporter_id,
          about: about.action,
          reason: about.reason,
          at: about.at,
        });
      // 督办升级: the leaders of the level the 督办 now stands at, whose areas cover the case (docs/supervision.md).
      if (targets.includes('leaders')) {
        const level = readStored(row).supervision?.leaderLevel;
        if (level) {
          const ids = await needs().users.holdersCovering(
            tx,
            LEADER_ROLE_OF_LEVEL[level],
            row.grid_code,
          );
          await needs().notifications.deliverToStaff(tx, ids, {
            caseId: row.id,
            caseNo: row.case_no,
            about: about.action,
            at: about.at,
          });
        }
      }
    },
    isUniqueViolation: (err) => dialect.isUniqueViolation(err),
    intakeTransaction:
      dialect.kind === 'sqlite' ? createGroupCommit(p.db) : plainTransactions(p.db),
    insertsInWith: dialect.insertsInWith,
    componentByCode: async (code) => {
      const c = await needs().components.findByCode(code);
      return c ? { id: c.id, classCode: c.classCode } : null;
    },
    photosOwnedBy: async (ids, userId) => {
      const found = await needs().attachments.describe(ids);
      return found.length === new Set(ids).size && found.every((a) => a.uploaderId === userId);
    },
  });
  return { service, routes: (app) => registerCasesRoutes(app, service) };
}
