import {
  CASE_SOURCE_LABELS,
  CASE_STATE_INFO,
  CASES_EXPORT_MAX,
  maskName,
  type CaseExportQuery,
  type CaseSource,
  type CaseState,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { AppError } from '../../core/errors';
import { exportInClear, watermarkedWorkbook, type ExportColumn } from '../../core/xlsx-export';
import { NO_DEADLINE } from './case-clocks';
import type { CasesContext } from './cases-context';
import type { createCaseQueries } from './case-queries';

interface CaseExportRow {
  caseNo: string;
  state: string;
  source: string;
  category: string;
  street: string;
  community: string;
  grid: string;
  address: string;
  description: string;
  reporter: string;
  reportedAt: string;
  dueAt: string;
  closedAt: string;
}

const COLUMNS: ExportColumn<CaseExportRow>[] = [
  { header: '案件编号', key: 'caseNo', width: 22 },
  { header: '状态', key: 'state', width: 10 },
  { header: '来源', key: 'source', width: 12 },
  { header: '分类', key: 'category', width: 18 },
  { header: '街道', key: 'street', width: 14 },
  { header: '社区', key: 'community', width: 14 },
  { header: '网格', key: 'grid', width: 16 },
  { header: '地址', key: 'address', width: 30 },
  { header: '问题描述', key: 'description', width: 40 },
  { header: '上报人', key: 'reporter', width: 18 },
  { header: '上报时间', key: 'reportedAt', width: 22 },
  { header: '当前时限', key: 'dueAt', width: 22 },
  { header: '结案时间', key: 'closedAt', width: 22 },
];

/**
 * 案件导出: the queue's selection (same filters, same scope, most urgent first) as a watermarked xlsx, audited like
 * the registries' exports. Reporters' names are personal: masked (张*明) unless a holder of registry.export states a
 * reason, which the audit entry keeps (core/xlsx-export exportInClear). Citizens' phones are never in the sheet.
 */
export function createCaseExport(ctx: CasesContext, queries: ReturnType<typeof createCaseQueries>) {
  const { deps, repo } = ctx;

  return async function exportXlsx(
    actor: Actor,
    query: CaseExportQuery,
    ip: string | null,
  ): Promise<{ fileName: string; content: Buffer; rows: number }> {
    const { reason, ...filter } = query;
    const unmasked = exportInClear(actor, reason);
    const rows = await repo.list(
      actor.scope,
      await queries.queueFilter(actor, { ...filter, limit: CASES_EXPORT_MAX + 1, offset: 0 }),
    );
    if (rows.length > CASES_EXPORT_MAX)
      throw new AppError(
        'validation_failed',
        `导出结果超过 ${CASES_EXPORT_MAX} 条，请缩小筛选范围`,
        {
          field: 'areaCode',
        },
      );
    const lookups = deps.lookups;
    const [areas, classes, users] = await Promise.all([
      lookups?.areaNames([
        ...new Set(rows.flatMap((r) => [r.street_code, r.community_code, r.grid_code])),
      ]),
      lookups?.classNames([...new Set(rows.flatMap((r) => (r.class_code ? [r.class_code] : [])))]),
      lookups?.userNames(
        [...new Set(rows.flatMap((r) => (r.reporter_id ? [r.reporter_id] : [])))],
        actor,
      ),
    ]);
    const area = (code: string) => areas?.get(code) ?? code;
    const reporter = (id: string | null): string => {
      if (!id) return '';
      if (id.startsWith('citizen:')) return '群众（公众上报）';
      const name = users?.get(id);
      if (!name) return '辖区外人员';
      return unmasked ? name : maskName(name.replace(/（.*$/, ''));
    };
    const out: CaseExportRow[] = rows.map((r) => ({
      caseNo: r.case_no,
      state: CASE_STATE_INFO[r.state as CaseState]?.zh ?? r.state,
      source: CASE_SOURCE_LABELS[r.source as CaseSource]?.zh ?? r.source,
      category: r.class_code ? (classes?.get(r.class_code) ?? r.class_code) : '未分类',
      street: area(r.street_code),
      community: area(r.community_code),
      grid: area(r.grid_code),
      address: r.address,
      description: r.description,
      reporter: reporter(r.reporter_id),
      reportedAt: r.created_at,
      dueAt: r.due_at === NO_DEADLINE ? '' : r.due_at,
      closedAt: r.closed_at ?? '',
    }));
    const at = deps.clock.now().toISOString();
    const watermark = `案件导出 · ${actor.displayName}（${actor.username}）· ${at} · ${unmasked ? '含上报人姓名，严禁外传' : '上报人已脱敏'}`;
    const content = await watermarkedWorkbook('案件', COLUMNS, out, watermark);
    await deps.audit?.record({
      action: 'registry_exported',
      actor,
      targetType: 'case',
      ip,
      detail: { filter, rows: out.length, unmasked, ...(unmasked ? { reason } : {}) },
    });
    return { fileName: `cases-${at.slice(0, 10)}.xlsx`, content, rows: out.length };
  };
}
