import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  IdParamSchema,
  ImportBodySchema,
  ImportJobListSchema,
  ImportKindParamSchema,
  ImportQuerySchema,
  SheetImportReportSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { ImportsService } from './imports.service';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A 100,000-row person file is about 8 MB; anything far bigger is refused before it is read. */
export const IMPORT_MAX_BYTES = 30 * 1024 * 1024;

export function sendXlsx(reply: FastifyReply, file: { fileName: string; body: Buffer }) {
  return reply
    .header('content-type', XLSX)
    .header(
      'content-disposition',
      `attachment; filename="import.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .send(file.body);
}

export function registerImportsRoutes(app: App, imports: ImportsService): void {
  const tags = ['imports'];
  app.get(
    '/api/imports/templates/:kind',
    {
      schema: { tags, summary: '下载导入模板 (xlsx, 中文表头)', params: ImportKindParamSchema },
      config: { auth: { permission: 'registry.import', scope: 'self' } },
    },
    async (req, reply) => sendXlsx(reply, await imports.template(req.params.kind)),
  );
  app.get(
    '/api/imports',
    {
      schema: { tags, summary: '我的导入记录', response: { 200: ImportJobListSchema } },
      config: { auth: { permission: 'registry.import', scope: 'self' } },
    },
    async (req) => ({ items: await imports.recent(actorOf(req)) }),
  );
  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags,
        summary: '导入报告',
        params: IdParamSchema,
        response: { 200: SheetImportReportSchema },
      },
      config: { auth: { permission: 'registry.import', scope: 'self' } },
    },
    async (req) => imports.get(actorOf(req), req.params.id),
  );
  app.get(
    '/api/imports/:id/report.xlsx',
    {
      schema: { tags, summary: '下载逐行问题清单 (xlsx)', params: IdParamSchema },
      config: { auth: { permission: 'registry.import', scope: 'self' } },
    },
    async (req, reply) =>
      sendXlsx(reply, await imports.reportWorkbook(actorOf(req), req.params.id)),
  );

  // Raw-body parsing only for the upload route, in its own context.
  void app.register(async (scope) => {
    const upload = scope.withTypeProvider<ZodTypeProvider>();
    for (const type of [XLSX, 'application/octet-stream', /^text\/csv/i])
      upload.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
        (_req, body, done) => done(null, body),
      );
    upload.post(
      '/api/imports/:kind',
      {
        bodyLimit: IMPORT_MAX_BYTES,
        schema: {
          tags,
          summary: '导入（预检 dry-run / 提交 commit）',
          description:
            "Body: the .xlsx (first sheet) or UTF-8/GB18030 CSV file. mode=dry-run reports every problem row by row and writes nothing; mode=commit writes all rows in one transaction only when there is no problem, and matches existing records (ID number, address, credit code) so the same file imported twice creates nothing new. Every row must lie in the caller's area scope.",
          consumes: [XLSX, 'text/csv', 'application/octet-stream'],
          params: ImportKindParamSchema,
          querystring: ImportQuerySchema,
          body: ImportBodySchema,
          response: { 200: SheetImportReportSchema },
        },
        config: { auth: { permission: 'registry.import', scope: 'subtree' } },
      },
      async (req) =>
        imports.run(actorOf(req), req.params.kind, req.body as Buffer, {
          mode: req.query.mode,
          fileName: req.query.fileName,
          ip: req.ip,
        }),
    );
  });
}
