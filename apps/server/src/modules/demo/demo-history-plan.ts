import { SeededRandom } from '../../core/seeded-random';

/**
 * What the demo's backdated history holds (README.md, `npm run demo`): a pure, seeded list of case plans — when, where, from
 * which channel, which problem and how its life goes. demo-history.ts walks each through the real workflow.
 */

export type HistorySource = 'patrol' | 'public' | 'hotline_12345' | 'leader';
export type HistoryScenario =
  | 'on_time'
  | 'late'
  | 'extension'
  | 'suspension'
  | 'send_back'
  | 'rework'
  | 'void'
  | 'reject'
  | 'open_overdue';
export type HistoryRating = 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null;

export interface HistoryPlan {
  index: number;
  /** Report time, ms since the epoch (between history start and the day before today, Shanghai). */
  at: number;
  gridIndex: number;
  source: HistorySource;
  classCode: string;
  description: string;
  scenario: HistoryScenario;
  /** 受理 later than its one working hour. */
  slowIntake: boolean;
  /** Rated by the citizen or 12345 after the close; 不满意 is followed by an approved 重开. */
  rating: HistoryRating;
}

/** Problems across every 大类 of the demo's dispatch matrix, so each department gets work. */
export const HISTORY_PROBLEMS: [string, string][] = [
  ['01001', '供水井盖破损，存在安全隐患'],
  ['01037', '路灯不亮，夜间通行不便'],
  ['02004', '公交站候车亭玻璃破损'],
  ['02010', '交通标志牌倾斜，标线模糊'],
  ['04002', '行道树倒伏，压住人行道'],
  ['04003', '独立树枯死，需要清理'],
  ['06001', '私搭乱建，占用公共通道'],
  ['06010', '路边堆放生活垃圾，影响通行'],
  ['07001', '电线杆上张贴非法小广告'],
  ['07002', '路口有人散发小广告'],
  ['09001', '无照经营游商占道'],
  ['09006', '早市摊贩占用人行道经营'],
];

const SOURCES: [HistorySource, number][] = [
  ['patrol', 55],
  ['public', 20],
  ['hotline_12345', 15],
  ['leader', 10],
];
const SCENARIOS: [HistoryScenario, number][] = [
  ['on_time', 52],
  ['late', 13],
  ['extension', 6],
  ['suspension', 5],
  ['send_back', 5],
  ['rework', 7],
  ['void', 3],
  ['reject', 2],
  ['open_overdue', 7],
];

function weighted<T>(rng: SeededRandom, table: [T, number][]): T {
  const total = table.reduce((n, [, w]) => n + w, 0);
  let r = rng.next() * total;
  for (const [v, w] of table) if ((r -= w) < 0) return v;
  return table[table.length - 1]![0];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * `count` cases over the `days` days before `today` (Shanghai midnight of the seeding day, ms), in daytime hours,
 * spread over `grids` grids. The same seed gives the same plans, relative to `today`.
 */
export function planHistory(
  seed: number,
  opts: { today: number; days: number; count: number; grids: number },
): HistoryPlan[] {
  const rng = new SeededRandom(seed * 7919 + 17);
  const plans: HistoryPlan[] = [];
  for (let i = 0; i < opts.count; i++) {
    const day = Math.floor((i * opts.days) / opts.count) - opts.days;
    const at = opts.today + day * DAY + Math.round(rng.range(8.5, 17.5) * 4) * (HOUR / 4);
    const source = weighted(rng, SOURCES);
    let scenario = weighted(rng, SCENARIOS);
    // Cases left open belong to the last weeks; a month-old one was finished, late.
    if (scenario === 'open_overdue' && day < -35) scenario = 'late';
    // 不予受理 is an intake decision: a leader's case skips intake.
    if (scenario === 'reject' && source === 'leader') scenario = 'on_time';
    const [classCode, description] = rng.pick(HISTORY_PROBLEMS);
    const rated = (source === 'public' || source === 'hotline_12345') && rng.next() < 0.65;
    plans.push({
      index: i,
      at,
      gridIndex: rng.int(0, opts.grids - 1),
      source,
      classCode,
      description,
      scenario,
      slowIntake: rng.next() < 0.1,
      rating: rated
        ? weighted<HistoryRating>(rng, [
            ['satisfied', 60],
            ['basically_satisfied', 27],
            ['dissatisfied', 13],
          ])
        : null,
    });
  }
  return plans;
}
