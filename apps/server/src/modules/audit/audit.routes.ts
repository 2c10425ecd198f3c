import { AuditListQuerySchema, AuditListSchema } from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import type { AuditService } from './audit.service';

export function registerAuditRoutes(app: App, audit: AuditService): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '安全审计日志',
        querystring: AuditListQuerySchema,
        response: { 200: AuditListSchema },
      },
      config: { auth: { permission: 'audit.read', scope: 'global' } },
    },
    async (req) => ({ items: await audit.list(req.query) }),
  );
}
