import {
  PowChallengeSchema,
  PublicBoardParamsSchema,
  PublicBoardQuerySchema,
  PublicBoardSchema,
  PublicDuplicatesQuerySchema,
  PublicDuplicatesSchema,
  PublicFiguresSchema,
  type PublicFigures,
  PublicPhotoParamsSchema,
  PublicSupportRequestSchema,
  PublicSupportResultSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { notFound } from '../../core/errors';
import type { BlobRead } from '../attachments';
import { citizenOf } from './citizen-device';
import { PORTAL } from './public-cases.routes';
import type { PublicBoardService } from './public-board.service';

export interface BoardRouteDeps {
  board: PublicBoardService;
  figures(): Promise<PublicFigures>;
  /** The metadata-free copy of a photo (attachments module). */
  publicPhoto(id: string): Promise<{ mime: string; open(): Promise<BlobRead> }>;
  secureCookies: boolean;
}

/** 民生平台's open side: the board, duplicates and "+1", photos once approved, figures, and the challenge. */
export function registerPublicBoardRoutes(app: App, d: BoardRouteDeps): void {
  const tags = ['public'];
  const config = { auth: PORTAL };
  app.get(
    '/api/public/challenge',
    {
      schema: {
        tags,
        summary: '匿名提交的计算验证 (SHA-256 前导零; 每个只能用一次, 10 分钟内有效)',
        response: { 200: PowChallengeSchema },
      },
      config,
    },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return d.board.challenge();
    },
  );
  app.get(
    '/api/public/board',
    {
      schema: {
        tags,
        summary:
          '近期市民反映 (地图与列表; 无姓名电话; 文字和照片审核后才显示; 敏感类别不显示位置)',
        querystring: PublicBoardQuerySchema,
        response: { 200: PublicBoardSchema },
      },
      config,
    },
    async (req) => d.board.board(req.query),
  );
  app.get(
    '/api/public/duplicates',
    {
      schema: {
        tags,
        summary: '附近同类未办结反映 (提交前提示 +1; 敏感类别不提示)',
        querystring: PublicDuplicatesQuerySchema,
        response: { 200: PublicDuplicatesSchema },
      },
      config,
    },
    async (req) => d.board.duplicates(req.query, req.ip),
  );
  app.post(
    '/api/public/board/:id/support',
    {
      schema: {
        tags,
        summary: '为已有反映 +1 (每台设备一次; 需计算验证; 按设备和来源地址限额)',
        params: PublicBoardParamsSchema,
        body: PublicSupportRequestSchema,
        response: { 200: PublicSupportResultSchema },
      },
      config,
    },
    async (req, reply) => d.board.support(req.params.id, req.body.pow, citizenOf(req, reply, d)),
  );
  app.get(
    '/api/public/figures',
    {
      schema: {
        tags,
        summary: '公开数据: 各街道、各部门近 12 个月受理、办结、按期率与满意率',
        response: { 200: PublicFiguresSchema },
      },
      config,
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=600');
      return d.figures();
    },
  );
  app.get(
    '/api/public/board/photos/:id',
    {
      schema: {
        tags,
        summary: '审核通过的市民照片 (去除元数据的公开版本; 未通过或不存在均为 404)',
        params: PublicPhotoParamsSchema,
      },
      config,
    },
    async (req, reply) => {
      if (!(await d.board.photoApproved(req.params.id))) throw notFound('照片');
      const file = await d.publicPhoto(req.params.id);
      const read = await file.open();
      return (
        reply
          .header('content-type', file.mime)
          // Short: a moderator may withdraw a photo; the bytes of an id never change.
          .header('cache-control', 'public, max-age=300')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('content-length', read.size)
          .send(read.stream)
      );
    },
  );
}
