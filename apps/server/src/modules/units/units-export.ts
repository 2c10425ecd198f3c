import {
  FOCUS_TAG_LABELS,
  UNIT_STATUS_LABELS,
  UNIT_TYPE_LABELS,
  UNITS_EXPORT_MAX,
  maskName,
  maskPhone,
  type FocusTag,
  type UnitExportQuery,
  type UnitStatus,
  type UnitType,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { AppError } from '../../core/errors';
import { exportInClear, watermarkedWorkbook, type ExportColumn } from '../../core/xlsx-export';
import type { RegistryContext } from './registry-context';
import { parseJsonArray } from './unit-model';
import type { UnitsTable } from './units.tables';

const COLUMNS: {
  header: string;
  width: number;
  value: (r: UnitsTable, cell: Cells) => string | number | null;
}[] = [
  { header: '单位名称', width: 28, value: (r) => r.name },
  { header: '统一社会信用代码', width: 22, value: (r) => r.credit_code },
  { header: '注册号', width: 18, value: (r) => r.registration_no },
  {
    header: '单位类型',
    width: 14,
    value: (r) => UNIT_TYPE_LABELS[r.unit_type as UnitType]?.zh ?? r.unit_type,
  },
  {
    header: '重点标签',
    width: 24,
    value: (r) =>
      parseJsonArray<FocusTag>(r.focus_tags)
        .map((t) => FOCUS_TAG_LABELS[t]?.zh ?? t)
        .join('、'),
  },
  { header: '行业', width: 14, value: (r) => r.industry },
  { header: '地址', width: 36, value: (r) => r.address },
  { header: '街道', width: 14, value: (r, c) => c.area(r.street_code) },
  { header: '社区', width: 14, value: (r, c) => c.area(r.community_code) },
  { header: '网格', width: 18, value: (r, c) => c.area(r.grid_code) },
  { header: '经度', width: 12, value: (r) => r.lng },
  { header: '纬度', width: 12, value: (r) => r.lat },
  { header: '法定代表人', width: 12, value: (r, c) => c.name(r.legal_rep_name) },
  { header: '法定代表人电话', width: 16, value: (r, c) => c.phone(r.legal_rep_phone_enc) },
  { header: '联系人', width: 12, value: (r, c) => c.name(r.contact_name) },
  { header: '联系电话', width: 16, value: (r, c) => c.phone(r.contact_phone_enc) },
  { header: '从业人数', width: 10, value: (r) => r.employee_count },
  {
    header: '状态',
    width: 8,
    value: (r) => UNIT_STATUS_LABELS[r.status as UnitStatus]?.zh ?? r.status,
  },
  { header: '检查周期(天)', width: 12, value: (r) => r.inspection_interval_days },
  { header: '下次检查', width: 12, value: (r) => r.next_inspection_due },
];

const SHEET_COLUMNS: ExportColumn<Record<string, string | number | null>>[] = COLUMNS.map(
  (c, i) => ({ header: c.header, key: String(i), width: c.width }),
);

interface Cells {
  area(code: string): string;
  name(v: string | null): string | null;
  phone(enc: string | null): string | null;
}

export interface UnitsExport {
  buffer: Buffer;
  filename: string;
  masked: boolean;
  rows: number;
}

/** 实有单位 as an .xlsx sheet: personal data masked unless a holder of registry.export gives a reason. Always audited. */
export function createUnitsExport(ctx: RegistryContext) {
  const { deps, units: repo } = ctx;
  return async function exportUnits(
    actor: Actor,
    q: UnitExportQuery,
    ip: string | null,
  ): Promise<UnitsExport> {
    const { reason, ...filter } = q;
    const masked = !exportInClear(actor, reason);
    // A full phone is not an export filter: the schema refuses it (searches by phone go through POST /search).
    const total = await repo.count(actor.scope, filter);
    if (total > UNITS_EXPORT_MAX)
      throw new AppError(
        'validation_failed',
        `导出数量 ${total} 超过上限 ${UNITS_EXPORT_MAX}，请按区域或类型缩小范围`,
        { field: 'areaCode' },
      );
    const rows = await repo.list(actor.scope, filter, { limit: UNITS_EXPORT_MAX, offset: 0 });
    const pc = await ctx.presentContext(rows, true);
    const cells: Cells = {
      area: (code) => pc.areaName(code) ?? code,
      name: (v) => (v && masked ? maskName(v) : v),
      phone: (enc) => {
        if (!enc) return null;
        const plain = deps.cipher.decrypt(enc);
        return masked ? maskPhone(plain) : plain;
      },
    };

    // The shared writer's first row and print header name who exported what and when (docs/domain.md §10).
    const at = deps.clock.now().toISOString();
    const watermark = `实有单位导出 · ${actor.displayName}（${actor.username}）· ${at} · ${masked ? '已脱敏' : '含完整个人信息，严禁外传'}`;
    const out = rows.map((r) =>
      Object.fromEntries(COLUMNS.map((c, i) => [String(i), c.value(r, cells)])),
    );
    const buffer = await watermarkedWorkbook('实有单位', SHEET_COLUMNS, out, watermark);

    await deps.audit.record({
      action: 'registry_exported',
      actor,
      targetType: 'units',
      ip,
      detail: { rows: rows.length, masked, filter, ...(masked ? {} : { reason }) },
    });
    return { buffer, filename: `实有单位-${ctx.today()}.xlsx`, masked, rows: rows.length };
  };
}
