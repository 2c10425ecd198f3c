import {
  AuditActorListSchema,
  AuditExportQuerySchema,
  AuditListQuerySchema,
  AuditListSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { AuditService } from './audit.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['audit'];
// Each entry is filed under an area (its target's, else its actor's): a viewer sees those within their scope, and a
// full-scope viewer the city-wide ones too.
const read = { auth: { permission: 'audit.read', scope: 'subtree' } } as const;

export function registerAuditRoutes(app: App, audit: AuditService): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: '安全审计日志 (按操作人、操作、对象、日期、区域筛选; 分页)',
        querystring: AuditListQuerySchema,
        response: { 200: AuditListSchema },
      },
      config: read,
    },
    async (req) => audit.page(actorOf(req), req.query),
  );
  app.get(
    '/api/audit/actors',
    {
      schema: {
        tags,
        summary: '审计日志中出现的操作人 (筛选用)',
        response: { 200: AuditActorListSchema },
      },
      config: read,
    },
    async (req) => audit.actors(actorOf(req)),
  );
  app.get(
    '/api/audit/export',
    {
      schema: {
        tags,
        summary: '导出审计日志 xlsx (须说明 reason; 带水印; 导出本身记入审计)',
        querystring: AuditExportQuerySchema,
        produces: [XLSX],
      },
      config: read,
    },
    async (req, reply) => {
      const file = await audit.exportXlsx(actorOf(req), req.query, req.ip);
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="audit.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
}
