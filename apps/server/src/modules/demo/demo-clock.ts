import type { Clock } from '../../core/clock';

/**
 * The clock the demo seeds its history with: set to an event's time, every service writes that event, its
 * deadlines and its indicator facts exactly as it would have at that moment; unset, it is the real time.
 */
export interface DemoClock extends Clock {
  set(at: Date | null): void;
}

/** `real` is the time when unset: the system's, or a test's fixed "now". */
export function demoClock(real: () => Date = () => new Date()): DemoClock {
  let fixed: Date | null = null;
  return {
    now: () => (fixed ? new Date(fixed) : real()),
    set: (at) => {
      fixed = at ? new Date(at) : null;
    },
  };
}
