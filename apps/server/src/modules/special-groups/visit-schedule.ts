import type { AttentionLevel } from '@wangge/shared';
import type { SpecialGroupsTable } from './special-groups.tables';

// Visit dates are calendar days (YYYY-MM-DD in Shanghai). Day arithmetic on UTC midnights never meets a DST jump.

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/** The group's configured interval for a 关注程度. */
export function intervalFor(
  group: Pick<SpecialGroupsTable, 'interval_normal' | 'interval_medium' | 'interval_high'>,
  level: AttentionLevel,
): number {
  switch (level) {
    case 'normal':
      return group.interval_normal;
    case 'medium':
      return group.interval_medium;
    case 'high':
      return group.interval_high;
  }
}

/**
 * When the next visit is due: the visitor's stated date when given, else one interval after the last visit (or after
 * the start, before any visit).
 */
export function nextDue(from: string, interval: number, stated?: string | null): string {
  return stated ?? addDays(from, interval);
}

/** Overdue: due before today and still open. */
export const isOverdue = (task: { status: string; due_date: string }, today: string): boolean =>
  task.status === 'open' && task.due_date < today;
