import type { CaseSource } from '@wangge/shared';
import type { Lang } from '../../lib/i18n';

// Labels of the intake channels' own details (12345 work orders, video/AI detections), in the feature's { zh, en }
// table style (see case-format.ts).
const CHANNEL_TEXT = {
  source: { zh: '来源', en: 'Source' },
  sourceStaff: { zh: '坐席录入（电话、来访）', en: 'Staff entry (phone, walk-in)' },
  sourceHotline: { zh: '12345 热线工单', en: '12345 hotline order' },
  hotlineOrderId: { zh: '工单编号', en: 'Order number' },
  hotlineOrderIdHint: {
    zh: '12345 派单上的编号；同一工单重复派单只生成一个案件',
    en: 'As on the 12345 order; a re-sent order opens the same case',
  },
  hotlineOrderIdRequired: {
    zh: '请填写 12345 工单编号（4–64 位字母、数字或 . _ -）',
    en: 'Enter the 12345 order number (4–64 letters, digits or . _ -)',
  },
  hotlineDeadline: { zh: '12345时限', en: '12345 deadline' },
  hotlineDeadlineHint: {
    zh: '早于本平台时限时，总体红黄绿灯按此计算',
    en: 'When earlier than ours, the overall light follows it',
  },
  hotlineOrder: { zh: '12345工单', en: '12345 order' },
  confidence: { zh: '识别置信度', en: 'Confidence' },
  modelVersion: { zh: '模型版本', en: 'Model version' },
  bbox: { zh: '识别框', en: 'Bounding box' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ChannelTextKey = keyof typeof CHANNEL_TEXT;

export function channelText(key: ChannelTextKey, lang: Lang): string {
  return CHANNEL_TEXT[key][lang];
}

/** The sources an intake operator may choose in the 上报 form; others get the default of their role. */
export const CHOOSABLE_SOURCES = [
  'staff_entry',
  'hotline_12345',
] as const satisfies readonly CaseSource[];
export type ChoosableSource = (typeof CHOOSABLE_SOURCES)[number];

export function isChoosableSource(v: string | null | undefined): v is ChoosableSource {
  return (CHOOSABLE_SOURCES as readonly string[]).includes(v ?? '');
}

/** "87%" */
export function confidenceText(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** A `datetime-local` value (the browser's time zone) as an ISO instant; null when empty or unreadable. */
export function localDateTimeToIso(value: string | undefined): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
