import { join } from 'node:path';
import type { Needs, Platform, WiredModule } from '../../wiring';
import { chromiumPrinter, type PdfPrinter } from './pdf-printer';
import { createReportFiles } from './report-files';
import { createReportsRepo } from './reports.repo';
import { registerReportsRoutes } from './reports.routes';
import { createReportsService, type ReportsService } from './reports.service';

/** Report files under the data directory, next to the attachment blobs; PDFs printed by headless Chromium. */
export function reportsModule(
  p: Platform,
  needs: Needs<'cases' | 'areas' | 'departments' | 'categories' | 'specialGroups' | 'indicators'>,
  printPdf: PdfPrinter = chromiumPrinter(),
): WiredModule<ReportsService> {
  const service = createReportsService({
    repo: createReportsRepo(p.db),
    files: createReportFiles(join(p.config.dataDir, 'reports')),
    printPdf,
    clock: p.clock,
    audit: p.audit,
    needs,
  });
  return { service, routes: (app) => registerReportsRoutes(app, service) };
}
