import {
  FieldTaskCompleteRequestSchema,
  FieldTaskCompleteResponseSchema,
  IdParamSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { FieldService } from './field.service';

/** The field app's own writes (docs/field-app.md); its reads and 上报 use the case API as it is. */
export function registerFieldRoutes(app: App, field: FieldService): void {
  const tags = ['field'];
  app.post(
    '/api/field/tasks/:id/complete',
    {
      schema: {
        tags,
        summary:
          '移动端: 完成核实/核查任务 (幂等: 同一 key 只执行一次, 重发返回首次结果; 案件已被改派或处理时 409)',
        params: IdParamSchema,
        body: FieldTaskCompleteRequestSchema,
        response: { 200: FieldTaskCompleteResponseSchema },
      },
      config: { auth: { permission: 'cases.act', scope: 'subtree' } },
    },
    async (req) => field.completeTask(actorOf(req), req.params.id, req.body),
  );
}
