import {
  AUDIT_TARGET_TYPES,
  auditActionInfo,
  auditDetailLines,
  type AuditEntry,
  type AuditLabel,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { watermarkedWorkbook, type ExportColumn } from '../../core/xlsx-export';

type Row = Record<
  'at' | 'actor' | 'action' | 'target' | 'area' | 'ip' | 'reason' | 'detail',
  string
>;

const COLUMNS: ExportColumn<Row>[] = [
  { header: '时间（北京时间）', key: 'at', width: 20 },
  { header: '操作人', key: 'actor', width: 16 },
  { header: '操作', key: 'action', width: 22 },
  { header: '对象', key: 'target', width: 30 },
  { header: '区域代码', key: 'area', width: 16 },
  { header: 'IP', key: 'ip', width: 16 },
  { header: '原因', key: 'reason', width: 30 },
  { header: '详情', key: 'detail', width: 60 },
];

const beijing = (iso: string): string =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/** The target as the page shows it: type and name, "(范围外)" for a record beyond the viewer's areas. */
export function targetText(e: AuditEntry): string {
  if (!e.targetType) return '';
  const type = (AUDIT_TARGET_TYPES as Record<string, AuditLabel>)[e.targetType]?.zh ?? e.targetType;
  if (e.targetOutOfScope) return `${type}（范围外）`;
  return e.targetName ? `${type} · ${e.targetName}` : type;
}

/** The audit log as the auditor reads it: Chinese labels, named targets, the reason in its own column. */
export function auditWorkbook(entries: AuditEntry[], viewer: Actor, at: string): Promise<Buffer> {
  const rows: Row[] = entries.map((e) => {
    const { reason, lines } = auditDetailLines(e.action, e.detail, 'zh');
    return {
      at: beijing(e.at),
      actor: e.actorName ?? '',
      action: auditActionInfo(e.action)?.zh ?? e.action,
      target: targetText(e),
      area: e.areaCode ?? '全市',
      ip: e.ip ?? '',
      reason: reason ?? '',
      detail: lines.map((l) => `${l.label}: ${l.value}`).join('\n'),
    };
  });
  const watermark = `审计日志导出 · ${viewer.displayName}（${viewer.username}）· ${at} · 仅限审计使用，严禁外传`;
  return watermarkedWorkbook('审计日志', COLUMNS, rows, watermark);
}
