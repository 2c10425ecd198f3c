import {
  CreateDispatchRuleRequestSchema,
  DispatchGapQuerySchema,
  DispatchGapReportSchema,
  DispatchRuleListQuerySchema,
  DispatchRuleListSchema,
  DispatchRuleSchema,
  DispatchSuggestQuerySchema,
  DispatchSuggestionSchema,
  IdParamSchema,
  OkResponseSchema,
  UpdateDispatchRuleRequestSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import type { RouteAuth } from '../../core/http/route-auth';
import { actorOf } from '../../core/http/guard.plugin';
import type { DispatchRulesService } from './dispatch-rules.service';

// Rules belong to areas: lists show the caller's subtree, and a rule may only be placed inside it.
const read: { auth: RouteAuth } = { auth: { permission: 'categories.read', scope: 'subtree' } };
const manage: { auth: RouteAuth } = { auth: { permission: 'dispatch.manage', scope: 'subtree' } };

export function registerDispatchRulesRoutes(app: App, dispatch: DispatchRulesService): void {
  const tags = ['dispatch-rules'];
  app.get(
    '/api/dispatch-rules',
    {
      schema: {
        tags,
        summary: '派遣矩阵 (管辖范围内)',
        querystring: DispatchRuleListQuerySchema,
        response: { 200: DispatchRuleListSchema },
      },
      config: read,
    },
    async (req) => ({ items: await dispatch.list(actorOf(req), req.query) }),
  );
  app.get(
    '/api/dispatch-rules/suggest',
    {
      schema: {
        tags,
        summary: '按部件、分类和网格建议派遣部门',
        querystring: DispatchSuggestQuerySchema,
        response: { 200: DispatchSuggestionSchema },
      },
      config: read,
    },
    async (req) => dispatch.suggestFor(actorOf(req), req.query),
  );
  // Lists the caller's streets only (subtree); reading the matrix is enough, like the list above.
  app.get(
    '/api/dispatch-rules/gaps',
    {
      schema: {
        tags,
        summary: '未配置主责部门的 小类 × 街道 (管辖范围内)',
        querystring: DispatchGapQuerySchema,
        response: { 200: DispatchGapReportSchema },
      },
      config: read,
    },
    async (req) => dispatch.gaps(actorOf(req), req.query),
  );
  app.post(
    '/api/dispatch-rules',
    {
      schema: {
        tags,
        summary: '新增派遣规则',
        body: CreateDispatchRuleRequestSchema,
        response: { 201: DispatchRuleSchema },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.status(201).send(await dispatch.create(actorOf(req), req.body, req.ip)),
  );
  app.patch(
    '/api/dispatch-rules/:id',
    {
      schema: {
        tags,
        summary: '修改派遣规则',
        params: IdParamSchema,
        body: UpdateDispatchRuleRequestSchema,
        response: { 200: DispatchRuleSchema },
      },
      config: manage,
    },
    async (req) => dispatch.update(actorOf(req), req.params.id, req.body, req.ip),
  );
  app.delete(
    '/api/dispatch-rules/:id',
    {
      schema: {
        tags,
        summary: '停用派遣规则',
        params: IdParamSchema,
        response: { 200: OkResponseSchema },
      },
      config: manage,
    },
    async (req) => {
      await dispatch.deactivate(actorOf(req), req.params.id, req.ip);
      return { ok: true as const };
    },
  );
}
