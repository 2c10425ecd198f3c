import { periodContaining, type ComponentConversion } from '@wangge/shared';

// Pure helpers of the 考核管理 page (docs/indicators.md §6–§7), tested beside this file.

/** Weights are decimals; the server takes a sum this close to 100 as 100 (indicator-scheme-check.ts). */
const WEIGHT_TOLERANCE = 1e-6;

/** The sum of a target's weights, rounded for display (0.1 + 0.2 is shown as 0.3). A blank weight counts 0. */
export function weightSum(components: readonly { weight: number | null | undefined }[]): number {
  const sum = components.reduce(
    (s, c) => s + (Number.isFinite(c.weight) ? Number(c.weight) : 0),
    0,
  );
  return Number(sum.toFixed(6));
}

/** Whether a target's weights make 100 %, as the server checks it. */
export function weightsComplete(
  components: readonly { weight: number | null | undefined }[],
): boolean {
  return Math.abs(weightSum(components) - 100) <= WEIGHT_TOLERANCE;
}

/**
 * The months that have ended at `now` (Shanghai time, as the server decides), newest first: only these may be
 * published. The running month is never among them.
 */
export function endedMonths(now: Date, count = 24): string[] {
  const [y, m] = periodContaining('month', now).key.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 1; i <= count; i++) {
    const idx = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

export type ConversionKind = ComponentConversion['type'];

/** A count-band conversion in a line: ">2000→100 · >1200→90 · ≤300: ×0.2". */
export function bandsText(conversion: ComponentConversion): string | null {
  if (conversion.type !== 'countBands') return null;
  const bands = conversion.bands.bands.map((b) => `>${b.above}→${b.score}`);
  const last = conversion.bands.bands.at(-1);
  const below = `≤${last ? last.above : 0}: ×${conversion.bands.belowPerCount}`;
  return [...bands, below].join(' · ');
}

/**
 * Where a server refusal's field points in the scheme editor: `targets.area.1.weight` → the target `area` (and
 * its component 1), `grades.2.min` → grade band 2. Anything else stays on the scheme as a whole.
 */
export type SchemeFieldPlace =
  | { kind: 'target'; target: string; index: number | null }
  | { kind: 'grade'; index: number | null }
  | { kind: 'scheme' };

export function placeOfField(field: string | undefined): SchemeFieldPlace {
  const parts = (field ?? '').split('.');
  if (parts[0] === 'targets' && parts[1]) {
    const i = parts[2] !== undefined ? Number(parts[2]) : NaN;
    return { kind: 'target', target: parts[1], index: Number.isInteger(i) ? i : null };
  }
  if (parts[0] === 'grades') {
    const i = parts[1] !== undefined ? Number(parts[1]) : NaN;
    return { kind: 'grade', index: Number.isInteger(i) ? i : null };
  }
  return { kind: 'scheme' };
}
