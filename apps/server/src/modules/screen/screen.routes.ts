import { ScreenSummaryQuerySchema, ScreenSummarySchema } from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { ScreenService } from './screen.service';

export function registerScreenRoutes(app: App, screen: ScreenService): void {
  app.get(
    '/api/screen/summary',
    {
      schema: {
        tags: ['screen'],
        summary:
          '指挥中心大屏: 今日上报/立案/派遣/结案, 在办红黄绿灯, 最新上报 (位置, 无个人信息), 部门今日排行, 超期清单',
        description:
          'The area is the caller’s whole scope, or `areaCode` inside it (unknown or outside: 404 on `areaCode`). ' +
          'The page refetches it on events of `GET /api/live/cases`.',
        querystring: ScreenSummaryQuerySchema,
        response: { 200: ScreenSummarySchema },
      },
      // The permission 区域概况 uses: leaders and the command centre read cases of their area.
      config: { auth: { permission: 'cases.read', scope: 'subtree' } },
    },
    async (req) => screen.summary(actorOf(req), req.query),
  );
}
