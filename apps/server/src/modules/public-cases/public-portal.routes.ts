import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  PublicAreaCollectionSchema,
  PublicAreaListSchema,
  PublicAreasQuerySchema,
  PublicCodeRequestSchema,
  PublicCodeResultSchema,
  PublicLookupRequestSchema,
  PublicLookupResultSchema,
  PublicPhotoQuerySchema,
  PublicPhotoResultSchema,
  PublicPlaceListSchema,
  PublicPlaceQuerySchema,
  AttachmentUploadBodySchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { citizenOf } from './citizen-device';
import { PORTAL } from './public-cases.routes';
import type { PublicCasesService } from './public-cases.service';

// Outlines and names change with an import; five minutes in any cache (they carry nothing personal) is harmless.
const CACHEABLE = 'public, max-age=300';

/** The citizen portal's helpers: the map's outlines, place search, the area picker, photos and the phone lookup. */
export function registerPublicPortalRoutes(
  app: App,
  svc: PublicCasesService,
  opts: { secureCookies: boolean },
): void {
  const tags = ['public'];
  app.get(
    '/api/public/areas',
    {
      schema: {
        tags,
        summary: '公开区域边界 (地图选点用; 只有编码、名称、层级和简化的边界, 不含人员)',
        querystring: PublicAreasQuerySchema,
        response: { 200: PublicAreaCollectionSchema },
      },
      config: { auth: PORTAL },
    },
    async (req, reply) => {
      reply.header('cache-control', CACHEABLE);
      return svc.boundaries(req.query.level);
    },
  );
  app.get(
    '/api/public/area-list',
    {
      schema: {
        tags,
        summary: '公开的街道、社区和网格名称 (找不到地点时按社区/网格选择)',
        response: { 200: PublicAreaListSchema },
      },
      config: { auth: PORTAL },
    },
    async (_req, reply) => {
      reply.header('cache-control', CACHEABLE);
      return { items: await svc.areaList() };
    },
  );
  app.get(
    '/api/public/places',
    {
      schema: {
        tags,
        summary: '地点搜索 (标准地址至楼栋、区域名称; 只返回地址文字和坐标; 按来源地址限频)',
        querystring: PublicPlaceQuerySchema,
        response: { 200: PublicPlaceListSchema },
      },
      config: { auth: PORTAL },
    },
    async (req) => ({ items: await svc.places(req.query.q, req.ip) }),
  );

  // Raw photo bytes, parsed into memory only on this route (its body limit is in core/http/body-limits.ts).
  void app.register(async (plain) => {
    const upload = plain.withTypeProvider<ZodTypeProvider>();
    upload.removeAllContentTypeParsers();
    for (const type of ['application/octet-stream', /^image\//i])
      upload.addContentTypeParser(type, { parseAs: 'buffer' }, (_req, body, done) =>
        done(null, body),
      );
    upload.post(
      '/api/public/photos',
      {
        schema: {
          tags,
          summary:
            '市民上报照片 (JPEG/PNG/WebP, 不超过 10 MB; 每次上报最多 3 张; 按设备和来源地址限额; 公开版本去除 EXIF)',
          querystring: PublicPhotoQuerySchema,
          consumes: ['application/octet-stream', 'image/jpeg', 'image/png', 'image/webp'],
          body: AttachmentUploadBodySchema,
          response: { 200: PublicPhotoResultSchema, 201: PublicPhotoResultSchema },
        },
        config: { auth: PORTAL },
      },
      async (req, reply) => {
        const who = citizenOf(req, reply, opts);
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        return reply.status(201).send(await svc.uploadPhoto(req.query.idempotencyKey, body, who));
      },
    );
  });

  app.post(
    '/api/public/lookup/code',
    {
      schema: {
        tags,
        summary: '获取手机号查询验证码 (无论该号码有无上报, 回答相同; 演示环境在页面上显示验证码)',
        body: PublicCodeRequestSchema,
        response: { 200: PublicCodeResultSchema },
      },
      config: { auth: PORTAL },
    },
    async (req) => svc.requestCode(req.body.phone, req.ip),
  );
  app.post(
    '/api/public/lookup',
    {
      schema: {
        tags,
        summary: '凭手机号和验证码查询本人上报 (验证码一次有效)',
        body: PublicLookupRequestSchema,
        response: { 200: PublicLookupResultSchema },
      },
      config: { auth: PORTAL },
    },
    async (req) => ({ items: await svc.lookup(req.body, req.ip) }),
  );
}
