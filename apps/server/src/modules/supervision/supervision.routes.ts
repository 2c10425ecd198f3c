import {
  SupervisionBoardQuerySchema,
  SupervisionBoardSchema,
  SupervisionMineSchema,
  SupervisionSettingsSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { SupervisionService } from './supervision.service';

/** 工作监督: leaders and the command centre (cases.supervise) over their area; the setting is the deployment's. */
export function registerSupervisionRoutes(app: App, supervision: SupervisionService): void {
  const tags = ['supervision'];
  app.get(
    '/api/supervision/board',
    {
      schema: {
        tags,
        summary: '工作监督：督办与超期案件，按部门或网格分组',
        querystring: SupervisionBoardQuerySchema,
        response: { 200: SupervisionBoardSchema },
      },
      config: { auth: { permission: 'cases.supervise', scope: 'subtree' } },
    },
    async (req) => supervision.board(actorOf(req), req.query),
  );
  app.get(
    '/api/supervision/mine',
    {
      schema: {
        tags,
        summary: '我的督办：本人发起的与升级到本级的督办',
        response: { 200: SupervisionMineSchema },
      },
      config: { auth: { permission: 'cases.supervise', scope: 'subtree' } },
    },
    async (req) => supervision.mine(actorOf(req)),
  );
  app.get(
    '/api/supervision/settings',
    {
      schema: { tags, summary: '督办升级时限', response: { 200: SupervisionSettingsSchema } },
      config: { auth: { permission: 'cases.supervise', scope: 'global' } },
    },
    async () => supervision.settings(),
  );
  app.put(
    '/api/supervision/settings',
    {
      schema: {
        tags,
        summary: '修改督办升级时限',
        body: SupervisionSettingsSchema,
        response: { 200: SupervisionSettingsSchema },
      },
      config: { auth: { permission: 'settings.manage', scope: 'global' } },
    },
    async (req) => supervision.updateSettings(actorOf(req), req.body, req.ip),
  );
}
