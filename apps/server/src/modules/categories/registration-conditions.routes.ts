import {
  CategoryCodeParamSchema,
  CreateRegistrationConditionRequestSchema,
  IdParamSchema,
  OkResponseSchema,
  RegistrationConditionListQuerySchema,
  RegistrationConditionListSchema,
  RegistrationConditionPageSchema,
  RegistrationConditionSchema,
  RegistrationConditionSearchQuerySchema,
  UpdateRegistrationConditionRequestSchema,
} from '@wangge/shared';
import type { RouteAuth } from '../../core/http/route-auth';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { RegistrationConditionsService } from './registration-conditions.service';

// 立结案标准 are configuration: global. A row's area_code narrows where it applies, not who may read it.
const read: { auth: RouteAuth } = { auth: { permission: 'categories.read', scope: 'global' } };
const manage: { auth: RouteAuth } = { auth: { permission: 'categories.manage', scope: 'global' } };

export function registerRegistrationConditionsRoutes(
  app: App,
  conditions: RegistrationConditionsService,
): void {
  const tags = ['registration-conditions'];
  app.get(
    '/api/registration-conditions',
    {
      schema: {
        tags,
        summary: '立结案标准一览 (当前版本，按分类编码排序)',
        querystring: RegistrationConditionSearchQuerySchema,
        response: { 200: RegistrationConditionPageSchema },
      },
      config: read,
    },
    async (req) => conditions.search(req.query),
  );
  app.get(
    '/api/categories/:code/conditions',
    {
      schema: {
        tags,
        summary: '分类的立结案标准',
        params: CategoryCodeParamSchema,
        querystring: RegistrationConditionListQuerySchema,
        response: { 200: RegistrationConditionListSchema },
      },
      config: read,
    },
    async (req) => ({ items: await conditions.listFor(req.params.code, req.query) }),
  );
  app.get(
    '/api/registration-conditions/:id',
    {
      schema: {
        tags,
        summary: '一个立结案标准版本',
        params: IdParamSchema,
        response: { 200: RegistrationConditionSchema },
      },
      config: read,
    },
    async (req) => conditions.get(req.params.id),
  );
  app.post(
    '/api/registration-conditions',
    {
      schema: {
        tags,
        summary: '新增立结案标准',
        body: CreateRegistrationConditionRequestSchema,
        response: { 201: RegistrationConditionSchema },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.status(201).send(await conditions.create(actorOf(req), req.body, req.ip)),
  );
  app.patch(
    '/api/registration-conditions/:id',
    {
      schema: {
        tags,
        summary: '修改立结案标准 (生成新版本)',
        params: IdParamSchema,
        body: UpdateRegistrationConditionRequestSchema,
        response: { 200: RegistrationConditionSchema },
      },
      config: manage,
    },
    async (req) => conditions.update(actorOf(req), req.params.id, req.body, req.ip),
  );
  app.delete(
    '/api/registration-conditions/:id',
    {
      schema: {
        tags,
        summary: '停用立结案标准 (设失效时间)',
        params: IdParamSchema,
        response: { 200: OkResponseSchema },
      },
      config: manage,
    },
    async (req) => {
      await conditions.deactivate(actorOf(req), req.params.id, req.ip);
      return { ok: true as const };
    },
  );
}
