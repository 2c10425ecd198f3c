/**
 * The 大屏's department ranking (docs/screen.md), pure: more cases closed today ranks higher; on a tie, fewer
 * overdue open cases; then the name, so the order never flickers between refreshes.
 */
export interface DepartmentDay {
  id: string;
  name: string;
  closedToday: number;
  overdueOpen: number;
}

export function rankDepartments(rows: readonly DepartmentDay[], limit: number): DepartmentDay[] {
  return [...rows]
    .sort(
      (a, b) =>
        b.closedToday - a.closedToday ||
        a.overdueOpen - b.overdueOpen ||
        a.name.localeCompare(b.name, 'zh-CN') ||
        a.id.localeCompare(b.id),
    )
    .slice(0, limit);
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Today in Asia/Shanghai (UTC+8 all year, no daylight saving): its date and [00:00, 24:00) as ISO instants. */
export function shanghaiDay(now: Date): { day: string; from: string; to: string } {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  const startLocal = Math.floor(local / DAY_MS) * DAY_MS;
  const from = startLocal - SHANGHAI_OFFSET_MS;
  return {
    day: new Date(startLocal).toISOString().slice(0, 10),
    from: new Date(from).toISOString(),
    to: new Date(from + DAY_MS).toISOString(),
  };
}
