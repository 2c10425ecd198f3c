import {
  GenerateMonthlyReportRequestSchema,
  IdParamSchema,
  ReportListQuerySchema,
  ReportListSchema,
  ReportSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { ReportFormat } from './report-files';
import type { ReportsService } from './reports.service';

export function registerReportsRoutes(app: App, reports: ReportsService): void {
  const tags = ['reports'];
  const read = { auth: { permission: 'reports.read', scope: 'subtree' } } as const;
  app.get(
    '/api/reports',
    {
      schema: {
        tags,
        summary: '月度报告列表 (辖区内, 最近的月份在前)',
        querystring: ReportListQuerySchema,
        response: { 200: ReportListSchema },
      },
      config: read,
    },
    async (req) => ({ items: await reports.list(actorOf(req), req.query) }),
  );
  app.post(
    '/api/reports/monthly',
    {
      schema: {
        tags,
        summary: '生成月度报告 (已结束的月份; 区、街道或社区; 记入审计)',
        body: GenerateMonthlyReportRequestSchema,
        response: { 201: ReportSchema },
      },
      config: { auth: { permission: 'reports.generate', scope: 'subtree' } },
    },
    async (req, reply) =>
      reply.status(201).send(await reports.generateMonthly(actorOf(req), req.body, req.ip)),
  );
  for (const format of ['html', 'pdf'] as const satisfies ReportFormat[]) {
    app.get(
      `/api/reports/:id.${format}`,
      {
        schema: {
          tags,
          summary: format === 'pdf' ? '下载月度报告 PDF (A4)' : '打开月度报告网页版 (可打印)',
          params: IdParamSchema,
          produces: [format === 'pdf' ? 'application/pdf' : 'text/html'],
        },
        config: read,
      },
      async (req, reply) => {
        const file = await reports.file(actorOf(req), req.params.id, format);
        return reply
          .header('content-type', file.contentType)
          .header(
            'content-disposition',
            `${format === 'pdf' ? 'attachment' : 'inline'}; filename="report.${format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .header('cache-control', 'private, no-store')
          .send(file.bytes);
      },
    );
  }
}
