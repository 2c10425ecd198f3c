import { nextLeaderLevel, SUPERVISION_LEADER_LEVEL_LABELS } from '@wangge/shared';
import type { SupervisionSettings } from '@wangge/shared';
import { elapsed, type WorkCalendar } from '../calendar';
import type { SupervisionDigest } from '../cases';

/**
 * Which 督办 are due to escalate (docs/supervision.md), purely: unanswered, below the top level, and unanswered for
 * at least the configured working time since they were raised or last escalated. Working time follows the calendar,
 * so a weekend or a holiday does not count.
 */
export function dueForEscalation(
  cases: readonly SupervisionDigest[],
  cal: WorkCalendar,
  settings: SupervisionSettings,
  now: Date,
): { digest: SupervisionDigest; note: string }[] {
  const { value, limitType } = settings.escalateAfter;
  const due: { digest: SupervisionDigest; note: string }[] = [];
  for (const d of cases) {
    const s = d.supervision;
    if (!s || s.replied || d.levelSince === null) continue;
    const to = nextLeaderLevel(s.leaderLevel);
    if (to === null) continue;
    if (elapsed(cal, new Date(d.levelSince), now, limitType) < value) continue;
    const unit = limitType === 'work_hour' ? '个工作小时' : '个工作日';
    due.push({
      digest: d,
      note: `督办超过 ${value} ${unit}未回复，升级至${SUPERVISION_LEADER_LEVEL_LABELS[to].zh}`,
    });
  }
  return due;
}
