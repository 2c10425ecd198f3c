import sharp from 'sharp';
import type { CaseTransitionRequest } from '@wangge/shared';
import type { Services } from '../../app';
import type { Actor } from '../../core/auth/actor';
import { SeededRandom } from '../../core/seeded-random';

/** Which department the matrix names per 事项 大类 in the demo city. */
export const MATRIX: [string, string][] = [
  ['01', 'municipal'],
  ['02', 'traffic'],
  ['04', 'landscaping'],
  ['06', 'sanitation'],
  ['07', 'enforcement'],
  ['09', 'enforcement'],
];
const PROBLEMS: [string, string][] = [
  ['06010', '路边堆放生活垃圾，影响通行'],
  ['07001', '电线杆上张贴非法小广告'],
  ['09006', '早市摊贩占用人行道经营'],
  ['01001', '供水井盖破损，存在安全隐患'],
];
/** How far each sample case gets: a spread over the queues a demo user opens. */
const STAGES = [
  'pending_acceptance',
  'pending_registration',
  'pending_dispatch',
  'handling',
  'pending_check',
  'closed',
] as const;

export async function actorFor(s: Services, username: string): Promise<Actor> {
  const u = await s.users.findForLogin(username);
  const a = u ? await s.users.access(u.id) : null;
  if (!u || !a) throw new Error(`demo user ${username} missing`);
  return {
    id: u.id,
    username,
    displayName: u.display_name,
    roles: a.roles,
    permissions: a.permissions,
    scope: a.scope,
    departmentId: u.department_id,
    via: 'token',
    csrfToken: null,
    sessionId: null,
    mustChangePassword: false,
  };
}

export async function photo(s: Services, actor: Actor, colour: string): Promise<string> {
  const bytes = await sharp({ create: { width: 96, height: 72, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
  return (await s.attachments.upload(actor, bytes)).attachment.id;
}

/**
 * Dispatch rules and a few dozen sample cases at every stage, so each demo role finds work in
 * its queue. Sample cases go through the same service calls as real ones.
 */
export async function seedDemoCases(
  s: Services,
  opts: {
    deptIds: Map<string, string>;
    districtCode: string;
    grids: { code: string; center: [number, number]; admin: string }[];
    seed: number;
  },
): Promise<number> {
  for (const [major, dept] of MATRIX) {
    const departmentId = opts.deptIds.get(dept);
    if (departmentId)
      await s.dispatchRules.create(s.system, {
        classCode: major,
        areaCode: opts.districtCode,
        departmentId,
        role: 'primary',
        priority: 0,
      });
  }
  const rng = new SeededRandom(opts.seed);
  const intake = await actorFor(s, 'intake');
  const shift = await actorFor(s, 'shift');
  const dispatcher = await actorFor(s, 'dispatcher');
  const inspector = await actorFor(s, 'inspector');
  const handlers = new Map<string, Actor>([
    [opts.deptIds.get('municipal') ?? '', await actorFor(s, 'dept_sz')],
    [opts.deptIds.get('sanitation') ?? '', await actorFor(s, 'dept_hw')],
  ]);
  let made = 0;
  for (let i = 0; i < 36; i++) {
    const grid = opts.grids[rng.int(0, Math.min(opts.grids.length, 50) - 1)]!;
    const [classCode, description] = PROBLEMS[i % PROBLEMS.length]!;
    const reporter = await actorFor(s, grid.admin);
    const reported = await s.cases.report(reporter, {
      lng: grid.center[0],
      lat: grid.center[1],
      crs: 'wgs84',
      address: `${grid.code.slice(-2)}号网格 第${rng.int(1, 60)}号楼附近`,
      description,
      classCode,
      photos: [await photo(s, reporter, `#${(0x404040 + i * 0x050301).toString(16).slice(-6)}`)],
      idempotencyKey: `demo-case-${i.toString().padStart(4, '0')}`,
    });
    made++;
    const target = STAGES[i % STAGES.length]!;
    let c = reported.case;
    const go = async (
      actor: Actor,
      action: CaseTransitionRequest['action'],
      input: Omit<CaseTransitionRequest, 'action' | 'version'> = {},
    ) => {
      c = await s.cases.transition(actor, c.id, { action, version: c.version, ...input });
    };
    if (target === 'pending_acceptance') continue;
    await go(intake, 'accept');
    if (target === 'pending_registration') continue;
    const condition = (await s.conditions.applicable(classCode, {}))[0];
    if (!condition) continue;
    await go(shift, 'register', { classCode, conditionId: condition.id });
    if (target === 'pending_dispatch') continue;
    const suggestion = await s.dispatchRules.suggest({ classCode, gridCode: grid.code });
    const departmentId = suggestion.primary?.id;
    if (!departmentId) continue;
    await go(dispatcher, 'dispatch', { departmentId });
    const handler = handlers.get(departmentId);
    if (target === 'handling' || !handler) continue;
    await go(handler, 'submit_feedback', {
      result: '已处理完毕',
      photos: [await photo(s, handler, '#2a7')],
    });
    await go(dispatcher, 'accept_feedback');
    if (target === 'pending_check') continue;
    await go(intake, 'send_check', { assigneeId: inspector.id });
    await go(inspector, 'check_pass', { photos: [await photo(s, inspector, '#27a')] });
    await go(shift, 'close', { closeReason: 'fixed' });
  }
  return made;
}
