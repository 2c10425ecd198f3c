import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AttachmentFileQuerySchema,
  AttachmentSchema,
  AttachmentUploadBodySchema,
  ATTACHMENT_UPLOAD_CONTENT_TYPES,
  IdParamSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { AttachmentFile, AttachmentsService } from './attachments.service';
import { parseRange } from './http-range';
import { isSpooled, spoolToDisk } from './upload-spool';

// Content-addressed bytes never change under a URL, so browsers may keep them for a year; `private`
// because every request is access-checked and shared caches must not serve one user's file to another.
const CACHE_CONTROL = 'private, max-age=31536000, immutable';

async function sendFile(req: FastifyRequest, reply: FastifyReply, file: AttachmentFile) {
  reply
    .header('content-type', file.mime)
    .header('cache-control', CACHE_CONTROL)
    .header('etag', file.etag)
    .header('x-content-type-options', 'nosniff')
    // Even a mis-sniffed file opened directly in the browser could run nothing.
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('content-disposition', 'inline');
  const inm = req.headers['if-none-match'];
  if (typeof inm === 'string' && inm.split(',').some((t) => t.trim() === file.etag))
    return reply.status(304).send();
  if (file.size !== null) reply.header('accept-ranges', 'bytes');
  const range = file.size !== null ? parseRange(req.headers.range, file.size) : null;
  const read = await file.open(range ?? undefined);
  if (range) {
    return reply
      .status(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${read.size}`)
      .header('content-length', range.end - range.start + 1)
      .send(read.stream);
  }
  return reply.header('content-length', read.size).send(read.stream);
}

export function registerAttachmentsRoutes(app: App, attachments: AttachmentsService): void {
  const tags = ['attachments'];
  // Reads are per record: the uploader, holders of the view-any permission, or whoever the case
  // module's canView hook admits; everyone else gets 404. Hence 'authenticated' + 'self' here.
  app.get(
    '/api/attachments/:id',
    {
      schema: {
        tags,
        summary: '附件信息',
        params: IdParamSchema,
        response: { 200: AttachmentSchema },
      },
      config: { auth: { permission: 'authenticated', scope: 'self' } },
    },
    async (req) => attachments.get(actorOf(req), req.params.id),
  );
  app.get(
    '/api/attachments/:id/file',
    {
      schema: {
        tags,
        summary: '附件文件 (original 原件含 EXIF / thumb 缩略图 / public 去除元数据)',
        params: IdParamSchema,
        querystring: AttachmentFileQuerySchema,
      },
      config: { auth: { permission: 'authenticated', scope: 'self' } },
    },
    async (req, reply) =>
      sendFile(req, reply, await attachments.file(actorOf(req), req.params.id, req.query.variant)),
  );

  // The upload's body parser lives in its own encapsulated context so it applies to this route only; the
  // rest of the API keeps JSON bodies and their small limit. The body streams to a file as it arrives
  // (a video never sits in memory), cut off at the route's limit; the file goes when the answer is sent.
  const bodyLimit = attachments.maxUploadBytes + 1024;
  void app.register(async (upload) => {
    // Raw bytes only: a JSON or text body would be read into memory just to be refused (415 unread).
    upload.removeAllContentTypeParsers();
    for (const type of ['application/octet-stream', /^(?:image|video)\//i])
      upload.addContentTypeParser(type, (req: FastifyRequest, payload: IncomingMessage) =>
        spoolToDisk(
          payload,
          attachments.incomingDir,
          req.routeOptions.bodyLimit,
          req.headers['content-length'],
        ),
      );
    const removeSpooled = async (req: FastifyRequest) => {
      if (isSpooled(req.body)) await rm(req.body.path, { force: true });
    };
    upload.addHook('onResponse', removeSpooled);
    upload.addHook('onRequestAbort', removeSpooled);
    upload.post(
      '/api/attachments',
      {
        bodyLimit,
        schema: {
          tags,
          summary: '上传照片或短视频',
          description: `Raw bytes in the body (${ATTACHMENT_UPLOAD_CONTENT_TYPES.join(', ')}); the type is read from the bytes, not from the header or a file name. JPEG/PNG/WebP photos up to ${attachments.limits.photoMaxBytes / 1024 / 1024} MB, MP4/MOV videos up to ${attachments.limits.videoMaxBytes / 1024 / 1024} MB. 201 for a new attachment, 200 when the same user already uploaded these bytes.`,
          consumes: [
            'application/octet-stream',
            'image/jpeg',
            'image/png',
            'image/webp',
            'video/mp4',
            'video/quicktime',
          ],
          body: AttachmentUploadBodySchema,
          response: { 200: AttachmentSchema, 201: AttachmentSchema },
        },
        config: { auth: { permission: 'attachments.upload', scope: 'self' } },
      },
      async (req, reply) => {
        const { attachment, created } = await attachments.upload(actorOf(req), req.body);
        return reply.status(created ? 201 : 200).send(attachment);
      },
    );
  });
}
