import {
  CategoryCodeParamSchema,
  CategoryKindQuerySchema,
  CategoryListQuerySchema,
  CategoryListSchema,
  CategorySchema,
  CreateCategoryRequestSchema,
  ResolveCategoryQuerySchema,
  UpdateCategoryRequestSchema,
} from '@wangge/shared';
import type { RouteAuth } from '../../core/http/route-auth';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { CategoriesService } from './categories.service';

// The dictionary is configuration, the same for every area: reads and writes are global.
const read: { auth: RouteAuth } = { auth: { permission: 'categories.read', scope: 'global' } };
const manage: { auth: RouteAuth } = { auth: { permission: 'categories.manage', scope: 'global' } };

export function registerCategoriesRoutes(app: App, categories: CategoriesService): void {
  const tags = ['categories'];
  app.get(
    '/api/categories',
    {
      schema: {
        tags,
        summary: '分类字典 (部件/事项/综治)',
        querystring: CategoryListQuerySchema,
        response: { 200: CategoryListSchema },
      },
      config: read,
    },
    async (req) => ({ items: await categories.list(req.query) }),
  );
  app.get(
    '/api/categories/resolve',
    {
      schema: {
        tags,
        summary: '按旧编码查当前分类',
        querystring: ResolveCategoryQuerySchema,
        response: { 200: CategorySchema },
      },
      config: read,
    },
    async (req) => categories.resolve(req.query.code, req.query.kind),
  );
  app.get(
    '/api/categories/:code',
    {
      schema: {
        tags,
        params: CategoryCodeParamSchema,
        querystring: CategoryKindQuerySchema,
        response: { 200: CategorySchema },
      },
      config: read,
    },
    async (req) => categories.get(req.params.code, req.query.kind),
  );
  app.post(
    '/api/categories',
    {
      schema: {
        tags,
        summary: '新增本地扩展分类',
        body: CreateCategoryRequestSchema,
        response: { 201: CategorySchema },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.status(201).send(await categories.create(actorOf(req), req.body, req.ip)),
  );
  app.patch(
    '/api/categories/:code',
    {
      schema: {
        tags,
        summary: '修改分类 (名称、别名、地方叫法、开关)',
        params: CategoryCodeParamSchema,
        querystring: CategoryKindQuerySchema,
        body: UpdateCategoryRequestSchema,
        response: { 200: CategorySchema },
      },
      config: manage,
    },
    async (req) =>
      categories.update(actorOf(req), req.params.code, req.query.kind, req.body, req.ip),
  );
}
