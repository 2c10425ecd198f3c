/**
 * Checks an assessment scheme before it is stored or used (docs/indicators.md §7): weights positive and summing
 * to 100 % per target, indicators known, built and computed for the target, conversions that fit the unit, count
 * bands and grade bands in order. Returns every problem with its field, so a route can answer 400 with the first.
 */
import { INDICATORS, isIndicatorId, type IndicatorObject } from './indicator-catalogue';
import {
  GRADES,
  SCHEME_TARGETS,
  type AssessmentScheme,
  type CountBands,
  type SchemeTarget,
} from './indicator-schemes';

export interface SchemeIssue {
  field: string;
  message: string;
}

/** Weights are decimals; a sum this close to 100 is 100 (33.33 + 33.33 + 33.34 in floating point). */
const WEIGHT_TOLERANCE = 1e-6;

const objectOf = (t: SchemeTarget): IndicatorObject =>
  t === 'area' || t === 'department' ? t : 'position';

function checkBands(bands: CountBands, field: string, out: SchemeIssue[]): void {
  let previous = Infinity;
  bands.bands.forEach((b, i) => {
    if (!Number.isFinite(b.above) || b.above < 0 || b.above >= previous)
      out.push({ field: `${field}.bands.${i}.above`, message: '分档下限须从高到低排列且不小于 0' });
    if (!Number.isFinite(b.score) || b.score < 0 || b.score > 100)
      out.push({ field: `${field}.bands.${i}.score`, message: '分值须在 0–100 之间' });
    previous = b.above;
  });
  if (!Number.isFinite(bands.belowPerCount) || bands.belowPerCount < 0)
    out.push({ field: `${field}.belowPerCount`, message: '每件分值须为非负数' });
}

export function checkScheme(scheme: AssessmentScheme): SchemeIssue[] {
  const out: SchemeIssue[] = [];
  const targets = Object.entries(scheme.targets) as [
    string,
    AssessmentScheme['targets'][SchemeTarget],
  ][];
  if (targets.length === 0) out.push({ field: 'targets', message: '方案至少须有一个考核对象' });
  for (const [target, components] of targets) {
    const base = `targets.${target}`;
    if (!(SCHEME_TARGETS as readonly string[]).includes(target)) {
      out.push({ field: base, message: `未知的考核对象 ${target}` });
      continue;
    }
    const t = target as SchemeTarget;
    if (!components || components.length === 0) {
      out.push({ field: base, message: '至少须有一个指标' });
      continue;
    }
    const seen = new Set<string>();
    let sum = 0;
    components.forEach((c, i) => {
      const field = `${base}.${i}`;
      if (!Number.isFinite(c.weight) || c.weight <= 0 || c.weight > 100)
        out.push({ field: `${field}.weight`, message: '权重须大于 0 且不超过 100' });
      else sum += c.weight;
      if (!isIndicatorId(c.indicator)) {
        out.push({ field: `${field}.indicator`, message: `未知的指标 ${String(c.indicator)}` });
        return;
      }
      if (seen.has(c.indicator))
        out.push({ field: `${field}.indicator`, message: `指标 ${c.indicator} 重复` });
      seen.add(c.indicator);
      const def = INDICATORS[c.indicator];
      const object = objectOf(t);
      const applies =
        def.objects.includes(object) &&
        (object !== 'position' || (def.positions as readonly string[]).includes(t));
      if (!applies)
        out.push({ field: `${field}.indicator`, message: `${def.zh}不适用于该考核对象` });
      if (!def.built)
        out.push({ field: `${field}.indicator`, message: `${def.zh}尚无数据来源，不能计入` });
      const fits = c.conversion.type === 'countBands' ? def.unit === 'count' : def.unit === 'rate';
      if (!fits)
        out.push({ field: `${field}.conversion`, message: `${def.zh}不能按此方式换算分值` });
      if (c.conversion.type === 'countBands')
        checkBands(c.conversion.bands, `${field}.conversion.bands`, out);
    });
    if (Math.abs(sum - 100) > WEIGHT_TOLERANCE)
      out.push({ field: base, message: `权重合计须为 100%，现为 ${Number(sum.toFixed(6))}%` });
  }
  checkGrades(scheme, out);
  return out;
}

function checkGrades(scheme: AssessmentScheme, out: SchemeIssue[]): void {
  const grades = scheme.grades;
  if (grades.length === 0) {
    out.push({ field: 'grades', message: '至少须有一个等级' });
    return;
  }
  let previous = Infinity;
  const seen = new Set<string>();
  grades.forEach((g, i) => {
    if (!(GRADES as readonly string[]).includes(g.grade) || seen.has(g.grade))
      out.push({ field: `grades.${i}.grade`, message: '等级须为 A–E 且不重复' });
    seen.add(g.grade);
    if (!Number.isFinite(g.min) || g.min < 0 || g.min > 100 || g.min >= previous)
      out.push({ field: `grades.${i}.min`, message: '等级下限须在 0–100 之间且从高到低排列' });
    previous = g.min;
  });
  if (grades.at(-1)?.min !== 0)
    out.push({ field: `grades.${grades.length - 1}.min`, message: '最低等级的下限须为 0' });
}
