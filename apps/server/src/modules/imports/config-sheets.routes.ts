import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ImportBodySchema, ImportQuerySchema, SheetImportReportSchema } from '@wangge/shared';
import type { ConfigSheetKind } from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import type { RouteAuth } from '../../core/http/route-auth';
import { actorOf } from '../../core/http/guard.plugin';
import type { ImportsService } from './imports.service';
import { sendXlsx, XLSX } from './imports.routes';

/** A configuration table is a few thousand rows (core/http/body-limits.ts names the same limit). */
const CONFIG_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The case-configuration tables as workbooks: export (the same headers are the template) and import through the
 * registries' pipeline — every row checked, nothing written unless all pass. Each table keeps the permission and
 * scope of its own routes, not registry.import: a grid worker who imports residents may not load a dispatch matrix.
 */
const SHEETS: { kind: ConfigSheetKind; path: string; read: RouteAuth; manage: RouteAuth }[] = [
  {
    kind: 'categories',
    path: '/api/categories/sheet',
    read: { permission: 'categories.read', scope: 'global' },
    manage: { permission: 'categories.manage', scope: 'global' },
  },
  {
    kind: 'registration_conditions',
    path: '/api/registration-conditions/sheet',
    read: { permission: 'categories.read', scope: 'global' },
    manage: { permission: 'categories.manage', scope: 'global' },
  },
  {
    // Rows outside the caller's subtree are neither exported nor accepted.
    kind: 'dispatch_rules',
    path: '/api/dispatch-rules/sheet',
    read: { permission: 'categories.read', scope: 'subtree' },
    manage: { permission: 'dispatch.manage', scope: 'subtree' },
  },
];

export function registerConfigSheetRoutes(app: App, imports: ImportsService): void {
  const tags = ['imports'];
  for (const s of SHEETS)
    app.get(
      `${s.path}.xlsx`,
      { schema: { tags, summary: `导出 ${s.kind} (xlsx，可改后导入)` }, config: { auth: s.read } },
      async (req, reply) =>
        sendXlsx(reply, await imports.exportSheet(actorOf(req), s.kind, req.ip)),
    );
  // Raw-body parsing only for the upload routes, in their own context.
  void app.register(async (scope) => {
    const upload = scope.withTypeProvider<ZodTypeProvider>();
    for (const type of [XLSX, 'application/octet-stream', /^text\/csv/i])
      upload.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: CONFIG_MAX_BYTES },
        (_req, body, done) => done(null, body),
      );
    for (const s of SHEETS)
      upload.post(
        s.path,
        {
          bodyLimit: CONFIG_MAX_BYTES,
          schema: {
            tags,
            summary: `导入 ${s.kind}（预检 dry-run / 提交 commit）`,
            description:
              "Body: the .xlsx (first sheet; an export's watermark line is passed over) or CSV. dry-run reports every problem by row and column and writes nothing; commit writes all rows in one transaction only when no row has a problem. Rows equal to the stored table change nothing.",
            consumes: [XLSX, 'text/csv', 'application/octet-stream'],
            querystring: ImportQuerySchema,
            body: ImportBodySchema,
            response: { 200: SheetImportReportSchema },
          },
          config: { auth: s.manage },
        },
        async (req) =>
          imports.run(actorOf(req), s.kind, req.body as Buffer, {
            mode: req.query.mode,
            fileName: req.query.fileName,
            ip: req.ip,
          }),
      );
  });
}
