import { pseudoActor } from '../../core/auth/actor';
import type { Needs, Platform, WiredModule } from '../../wiring';
import { registerSupervisionRoutes } from './supervision.routes';
import { createSupervisionService, type SupervisionService } from './supervision.service';

/** The escalation acts as the pseudo-role `system`, over every area, like the 督办 sweep. */
const SYSTEM = pseudoActor('system', { code: 'system', name: '系统' });

/**
 * 工作监督 reads the cases module's digest and moves 督办 up through its transitions; names come from departments and
 * areas, the escalation time from the settings store, working time from the calendar.
 */
export function supervisionModule(
  p: Platform,
  needs: Needs<'cases' | 'calendar' | 'settings' | 'departments' | 'areas'>,
): WiredModule<SupervisionService> {
  const service = createSupervisionService({
    clock: p.clock,
    calendar: () => needs().calendar.current(),
    settings: {
      get: (key) => needs().settings.get(key),
      set: (key, value) => needs().settings.set(key, value),
    },
    audit: p.audit,
    digest: (scope, q) => needs().cases.supervisionDigest(scope, q),
    escalate: async (caseId, version, note) => {
      await needs().cases.transition(SYSTEM, caseId, {
        action: 'escalate_supervision',
        version,
        note,
      });
    },
    departmentNames: async (ids) =>
      new Map((await needs().departments.byIds(ids)).map((d) => [d.id, d.name])),
    areaNames: async (codes) =>
      new Map((await needs().areas.refs(codes)).map((a) => [a.code, a.name])),
  });
  return { service, routes: (app) => registerSupervisionRoutes(app, service) };
}
