import {
  CreateDepartmentRequestSchema,
  DepartmentListSchema,
  DepartmentSchema,
  IdParamSchema,
  UpdateDepartmentRequestSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { DepartmentsService } from './departments.service';

export function registerDepartmentsRoutes(app: App, departments: DepartmentsService): void {
  const tags = ['departments'];
  app.get(
    '/api/departments',
    {
      schema: { tags, summary: '专业部门列表', response: { 200: DepartmentListSchema } },
      config: { auth: { permission: 'departments.read', scope: 'subtree' } },
    },
    async (req) => ({ items: await departments.list(actorOf(req)) }),
  );
  app.get(
    '/api/departments/:id',
    {
      schema: { tags, params: IdParamSchema, response: { 200: DepartmentSchema } },
      config: { auth: { permission: 'departments.read', scope: 'subtree' } },
    },
    async (req) => departments.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/departments',
    {
      schema: {
        tags,
        summary: '新建专业部门',
        body: CreateDepartmentRequestSchema,
        response: { 201: DepartmentSchema },
      },
      config: { auth: { permission: 'departments.manage', scope: 'subtree' } },
    },
    async (req, reply) =>
      reply.status(201).send(await departments.create(actorOf(req), req.body, req.ip)),
  );
  app.patch(
    '/api/departments/:id',
    {
      schema: {
        tags,
        params: IdParamSchema,
        body: UpdateDepartmentRequestSchema,
        response: { 200: DepartmentSchema },
      },
      config: { auth: { permission: 'departments.manage', scope: 'subtree' } },
    },
    async (req) => departments.update(actorOf(req), req.params.id, req.body, req.ip),
  );
}
