/**
 * 月度报告 (docs/reports.md): per area and month, in Chinese, as printable HTML and an A4 PDF; generated on demand and
 * by the monthly job (core/jobs), kept as files with an audit entry, read by the area's leaders.
 */
export { createReportsService, type ReportsService, type ReportsDeps } from './reports.service';
export { registerReportsRoutes } from './reports.routes';
export { reportsModule } from './reports.module';
export { countPdfPages, type PdfPrinter } from './pdf-printer';
export type { ReportFigures } from './report-figures';
