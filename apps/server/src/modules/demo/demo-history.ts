import type { Services } from '../../app';
import { pseudoActor, type Actor } from '../../core/auth/actor';
import { SeededRandom } from '../../core/seeded-random';
import { actorFor, photo } from './demo-cases';
import type { DemoClock } from './demo-clock';
import { planHistory } from './demo-history-plan';
import { PastTheEnd, walk, type HistoryContext } from './demo-history-walk';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** About three months of history before today: a few cases a day over the whole district. */
export const HISTORY_DAYS = 92;
export const HISTORY_CASES = 240;

/** Handler accounts of the departments that had none, so every department of the matrix answers its cases. */
const EXTRA_HANDLERS: [string, string, string][] = [
  ['dept_jt', '冯交通', 'traffic'],
  ['dept_yl', '褚园林', 'landscaping'],
  ['dept_zf', '卫执法', 'enforcement'],
];

/**
 * About three months of cases before today, each walked through the real workflow as the demo's role accounts with
 * the clock set to the event's time, so events, deadlines and indicator facts are written as they would have been.
 * Deterministic for a seed (times relative to today's date in Shanghai).
 */
export async function seedDemoHistory(
  s: Services,
  clock: DemoClock,
  opts: {
    deptIds: Map<string, string>;
    grids: { code: string; center: [number, number]; admin: string }[];
    passwordHash: string;
    seed: number;
  },
): Promise<number> {
  const real = clock.now().getTime();
  // Midnight in Shanghai (UTC+8, no daylight saving) of the seeding day: history ends there.
  const today = Math.floor((real + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  for (const [username, displayName, dept] of EXTRA_HANDLERS) {
    const departmentId = opts.deptIds.get(dept);
    if (departmentId && !(await s.users.findForLogin(username)))
      await s.users.createDirect({
        username,
        displayName,
        passwordHash: opts.passwordHash,
        roles: ['department_handler'],
        areaCodes: [opts.grids[0]!.code.slice(0, 6)],
        departmentId,
      });
  }
  const actors = new Map<string, Actor>();
  const actor = async (username: string) => {
    let a = actors.get(username);
    if (!a) actors.set(username, (a = await actorFor(s, username)));
    return a;
  };
  const handlers = new Map<string, Actor>();
  for (const [username, dept] of [
    ['dept_sz', 'municipal'],
    ['dept_hw', 'sanitation'],
    ...EXTRA_HANDLERS.map(([u, , d]) => [u, d]),
  ] as [string, string][]) {
    const id = opts.deptIds.get(dept);
    if (id) handlers.set(id, await actor(username));
  }
  const photos = new Map<string, string>();
  const conditions = new Map<string, string>();
  const ctx: HistoryContext = {
    s,
    clock,
    rng: new SeededRandom(opts.seed * 31 + 5),
    end: today,
    intake: await actor('intake'),
    shift: await actor('shift'),
    dispatcher: await actor('dispatcher'),
    leader: await actor('qu_leader'),
    hotline: pseudoActor('hotline:12345', { code: 'hotline_center', name: '12345 热线' }),
    handlers,
    deptIds: opts.deptIds,
    actor,
    async photoOf(a) {
      let id = photos.get(a.id);
      if (!id) photos.set(a.id, (id = await photo(s, a, '#6a8')));
      return id;
    },
    async condition(classCode) {
      let id = conditions.get(classCode);
      if (!id) {
        const found = (await s.conditions.applicable(classCode, {}))[0];
        if (!found) throw new Error(`demo history: no 立案条件 for ${classCode}`);
        conditions.set(classCode, (id = found.id));
      }
      return id;
    },
  };
  const plans = planHistory(opts.seed, {
    today,
    days: HISTORY_DAYS,
    count: HISTORY_CASES,
    grids: opts.grids.length,
  });
  try {
    for (const plan of plans) {
      try {
        await walk(ctx, plan, opts.grids[plan.gridIndex]!);
      } catch (e) {
        if (!(e instanceof PastTheEnd)) throw e;
      }
    }
  } finally {
    clock.set(null);
  }
  return plans.length;
}
