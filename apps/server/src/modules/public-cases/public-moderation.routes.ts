import {
  ModerationDecisionSchema,
  ModerationListSchema,
  ModerationParamsSchema,
  ModerationPhotoParamsSchema,
  ModerationQuerySchema,
  ModerationResultSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { PublicModerationService } from './public-moderation.service';

/** 公开内容审核 (public.moderate): residents' text and photos before the public board shows them; audited. */
export function registerPublicModerationRoutes(app: App, svc: PublicModerationService): void {
  const tags = ['public-moderation'];
  const config = { auth: { permission: 'public.moderate', scope: 'subtree' } } as const;
  app.get(
    '/api/public-moderation',
    {
      schema: {
        tags,
        summary: '待审核的市民反映 (本辖区; 文字和照片)',
        querystring: ModerationQuerySchema,
        response: { 200: ModerationListSchema },
      },
      config,
    },
    async (req) => svc.list(actorOf(req), req.query),
  );
  app.post(
    '/api/public-moderation/:id/text',
    {
      schema: {
        tags,
        summary: '审核文字: 公开 (可删去姓名号码后公开) 或不公开 (须说明原因)',
        params: ModerationParamsSchema,
        body: ModerationDecisionSchema,
        response: { 200: ModerationResultSchema },
      },
      config,
    },
    async (req) => {
      await svc.decideText(actorOf(req), req.params.id, req.body, req.ip);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/public-moderation/:id/photos/:attachmentId',
    {
      schema: {
        tags,
        summary: '审核照片: 公开或不公开 (人脸、车牌等; 须说明原因)',
        params: ModerationPhotoParamsSchema,
        body: ModerationDecisionSchema,
        response: { 200: ModerationResultSchema },
      },
      config,
    },
    async (req) => {
      await svc.decidePhoto(actorOf(req), req.params.id, req.params.attachmentId, req.body, req.ip);
      return { ok: true as const };
    },
  );
}
