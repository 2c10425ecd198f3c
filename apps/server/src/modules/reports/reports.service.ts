import {
  PERMISSIONS,
  resolvePeriod,
  type GenerateMonthlyReportRequest,
  type Report,
  type ReportHeadline,
  type ReportListQuery,
  type ReportTrigger,
} from '@wangge/shared';
import { systemActor, type Actor } from '../../core/auth/actor';
import { inScope } from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import { AppError } from '../../core/errors';
import { newId } from '../../core/ids';
import { monthlySchedule, type JobDefinition } from '../../core/jobs';
import type { AuditService } from '../audit';
import type { ModuleServices } from '../../wiring';
import { gatherReportFigures } from './gather-report-figures';
import { countPdfPages, type PdfPrinter } from './pdf-printer';
import { formatFigure, type AreaLevel } from './report-figures';
import type { ReportFiles, ReportFormat } from './report-files';
import type { ReportsRepo } from './reports.repo';
import type { ReportsTable } from './reports.tables';
import { renderReportHtml } from './render-report-html';

export interface ReportsDeps {
  repo: ReportsRepo;
  files: ReportFiles;
  printPdf: PdfPrinter;
  clock: Clock;
  audit: AuditService;
  needs: () => Pick<
    ModuleServices,
    'cases' | 'areas' | 'departments' | 'categories' | 'specialGroups' | 'indicators'
  >;
}

const REPORT_LEVELS: readonly AreaLevel[] = ['district', 'street', 'community'];
const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

function present(r: ReportsTable): Report {
  return {
    id: r.id,
    kind: 'monthly',
    areaCode: r.area_code,
    areaLevel: r.area_level,
    areaName: r.area_name,
    period: r.period,
    trigger: r.trigger as ReportTrigger,
    createdAt: r.created_at,
    htmlBytes: r.html_bytes,
    pdf:
      r.pdf_bytes !== null && r.pdf_pages !== null
        ? { bytes: r.pdf_bytes, pages: r.pdf_pages }
        : null,
    headline: JSON.parse(r.headline) as ReportHeadline[],
  };
}

/** 月度报告 (docs/reports.md): generated on demand or by the monthly job, kept as files, read within scope. */
export function createReportsService(deps: ReportsDeps) {
  const { repo, files } = deps;
  const system = systemActor(PERMISSIONS);

  /** The area named in a request, through the caller's scope: unknown and out-of-scope are the same 404. */
  async function reportArea(actor: Actor, code: string) {
    const [ref] = await deps.needs().areas.refs([code]);
    if (!ref || ref.code !== code || !inScope(actor.scope, code))
      throw new AppError('not_found', `区域 ${code} 不存在`, { field: 'areaCode' });
    if (!REPORT_LEVELS.includes(ref.level as AreaLevel))
      throw new AppError('validation_failed', '月度报告只能按区、街道或社区生成', {
        field: 'areaCode',
      });
    return { code: ref.code, name: ref.name, level: ref.level as AreaLevel };
  }

  /** Prints the PDF when a browser is there; its absence leaves the HTML report whole. */
  async function printInto(id: string, html: string) {
    const pdf = await deps.printPdf(html);
    if (!pdf) return null;
    await files.write(id, 'pdf', pdf);
    return { bytes: pdf.length, pages: countPdfPages(pdf) };
  }

  async function generate(
    actor: Actor,
    req: GenerateMonthlyReportRequest,
    ip: string | null,
    trigger: ReportTrigger,
  ): Promise<Report> {
    const now = deps.clock.now();
    const period = resolvePeriod({ type: 'month', key: req.period });
    if (!period.ok) throw new AppError('validation_failed', period.message, { field: 'period' });
    if (period.period.end > now.toISOString())
      throw new AppError('validation_failed', `${req.period} 尚未结束，月度报告须在次月生成`, {
        field: 'period',
      });
    const area = await reportArea(actor, req.areaCode);
    const figures = await gatherReportFigures(deps.needs(), area, req.period, now);
    const html = renderReportHtml(figures);
    const id = newId();
    await files.write(id, 'html', html);
    const pdf = await printInto(id, html);
    const headline = figures.headline.map((h) => ({
      key: h.key,
      label: h.label,
      value: h.value,
      display: formatFigure(h.kind, h.value),
    }));
    const row: ReportsTable = {
      id,
      kind: 'monthly',
      area_code: area.code,
      area_level: area.level,
      area_name: area.name,
      period: req.period,
      trigger,
      created_by: trigger === 'manual' ? actor.id : null,
      created_at: now.toISOString(),
      html_bytes: Buffer.byteLength(html),
      pdf_bytes: pdf?.bytes ?? null,
      pdf_pages: pdf?.pages ?? null,
      headline: JSON.stringify(headline),
    };
    await repo.insert(row);
    await deps.audit.record({
      action: 'report_generated',
      actor: trigger === 'manual' ? actor : null,
      targetType: 'report',
      targetId: id,
      areaCode: area.code,
      ip,
      detail: { areaCode: area.code, period: req.period, trigger },
    });
    return present(row);
  }

  /** The monthly job's run for one month: the district and each street, each once (a retried run skips those done). */
  async function runMonthly(period: string): Promise<void> {
    const { areas } = deps.needs();
    const targets = [
      ...(await areas.tree(system, { level: 'district' })),
      ...(await areas.tree(system, { level: 'street' })),
    ];
    for (const a of targets) {
      if (await repo.scheduledExists(a.code, period)) continue;
      await generate(system, { areaCode: a.code, period }, null, 'schedule');
    }
  }

  return {
    generateMonthly: (actor: Actor, req: GenerateMonthlyReportRequest, ip: string | null) =>
      generate(actor, req, ip, 'manual'),

    async list(actor: Actor, q: ReportListQuery): Promise<Report[]> {
      if (q.areaCode && !inScope(actor.scope, q.areaCode))
        throw new AppError('not_found', `区域 ${q.areaCode} 不存在`, { field: 'areaCode' });
      return (await repo.list(actor.scope, q)).map(present);
    },

    /** A report's file within the caller's scope; a PDF missing for want of a browser is printed now or refused (503). */
    async file(
      actor: Actor,
      id: string,
      format: ReportFormat,
    ): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
      const row = await repo.findById(actor.scope, id);
      if (!row) throw new AppError('not_found', '报告不存在');
      let bytes = await files.read(id, format);
      if (!bytes && format === 'pdf') {
        const html = await files.read(id, 'html');
        const pdf = html ? await printInto(id, html.toString('utf8')) : null;
        if (pdf) await repo.setPdf(id, pdf.bytes, pdf.pages);
        bytes = pdf ? await files.read(id, 'pdf') : null;
        if (!bytes)
          throw new AppError(
            'unavailable',
            '服务器未安装无头浏览器，暂不能生成 PDF；请打开网页版打印',
          );
      }
      if (!bytes) throw new AppError('not_found', '报告文件不存在');
      return {
        bytes,
        contentType: CONTENT_TYPES[format],
        fileName: `${row.area_name}-${row.period}-月度报告.${format}`,
      };
    },

    /** The 1st-of-month job for core/jobs: last month's reports of the district and every street. */
    monthlyJob: (): JobDefinition => ({
      name: 'reports.monthly',
      schedule: monthlySchedule,
      run: runMonthly,
      // Printing a PDF per street takes seconds each; the lease leaves room for a few dozen streets.
      leaseMs: 30 * 60_000,
    }),
  };
}
export type ReportsService = ReturnType<typeof createReportsService>;
