import type { FeedCase, FeedEvent } from '../cases';
import type { Service } from './open311-catalogue';
import type { Value } from './open311-format';
import type { Open311Deps } from './open311.service';
import { requestOf } from './open311-view';

type PresenterDeps = Pick<
  Open311Deps,
  'repo' | 'cases' | 'classPath' | 'isSensitive' | 'milestones' | 'departmentNames'
>;

/**
 * Public views of feed cases: names of classes and departments, the policy's sensitivity, what a partner sent, and
 * (extensions) the public history — each looked up once per page, not per case.
 */
export function createPresenter(deps: PresenterDeps, services: () => Promise<Service[]>) {
  async function classes(cases: FeedCase[]) {
    const byCode = new Map((await services()).map((s) => [s.code, s]));
    const out = new Map<string, { name: string; sensitive: boolean }>();
    for (const code of new Set(cases.map((c) => c.classCode).filter((x): x is string => !!x))) {
      const s = byCode.get(code);
      if (s) out.set(code, { name: s.name, sensitive: s.sensitive });
      else {
        // A class no longer public (retired, renamed): still named, still judged by the same rule.
        const path = await deps.classPath(code);
        out.set(code, {
          name: path?.name ?? code,
          sensitive: deps.isSensitive({ code, names: path?.names ?? [] }),
        });
      }
    }
    return out;
  }

  async function partners(cases: FeedCase[]) {
    const rows = await deps.repo.requestsOf(
      cases.filter((c) => c.source === 'open311').map((c) => c.id),
    );
    return new Map(
      rows.map((r) => [
        r.case_id,
        {
          mediaUrl: r.media_url,
          attributes: JSON.parse(r.attributes) as Record<string, string | string[]>,
        },
      ]),
    );
  }

  async function histories(cases: FeedCase[]) {
    const byCase = new Map<string, FeedEvent[]>();
    for (const e of await deps.cases.feed.events(cases.map((c) => c.id))) {
      const list = byCase.get(e.caseId) ?? [];
      list.push(e);
      byCase.set(e.caseId, list);
    }
    return byCase;
  }

  return async function present(cases: FeedCase[], extensions: boolean): Promise<Value[]> {
    const cls = await classes(cases);
    const depts = await deps.departmentNames([
      ...new Set(cases.map((c) => c.handlingDeptId).filter((x): x is string => !!x)),
    ]);
    const partner = await partners(cases);
    const events = extensions ? await histories(cases) : new Map<string, FeedEvent[]>();
    return cases.map((c) => {
      const k = c.classCode ? cls.get(c.classCode) : undefined;
      return requestOf(
        c,
        {
          serviceName: k?.name ?? null,
          // An unclassified report may be anything: its place is shown only once a class says it may be.
          sensitive: k ? k.sensitive : true,
          departmentName: c.handlingDeptId ? (depts.get(c.handlingDeptId) ?? null) : null,
          partner: partner.get(c.id) ?? null,
          milestones: extensions ? deps.milestones(events.get(c.id) ?? []) : null,
        },
        extensions,
      );
    });
  };
}
