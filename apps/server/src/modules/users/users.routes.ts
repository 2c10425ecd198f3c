import { z } from 'zod';
import {
  CreateRoleRequestSchema,
  CreateUserRequestSchema,
  IdParamSchema,
  OkResponseSchema,
  RoleListSchema,
  RoleSchema,
  UnmaskRequestSchema,
  UpdateUserRequestSchema,
  UserListQuerySchema,
  UserListSchema,
  UserSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { UsersService } from './users.service';

export function registerUsersRoutes(app: App, users: UsersService): void {
  const tags = ['users'];
  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: '用户列表 (管辖范围内)',
        querystring: UserListQuerySchema,
        response: { 200: UserListSchema },
      },
      config: { auth: { permission: 'users.read', scope: 'subtree' } },
    },
    async (req) => users.list(actorOf(req), req.query),
  );
  app.get(
    '/api/users/:id',
    {
      schema: { tags, params: IdParamSchema, response: { 200: UserSchema } },
      config: { auth: { permission: 'users.read', scope: 'subtree' } },
    },
    async (req) => users.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: '新建用户',
        body: CreateUserRequestSchema,
        response: { 201: UserSchema },
      },
      config: { auth: { permission: 'users.manage', scope: 'subtree' } },
    },
    async (req, reply) =>
      reply.status(201).send(await users.create(actorOf(req), req.body, req.ip)),
  );
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        params: IdParamSchema,
        body: UpdateUserRequestSchema,
        response: { 200: UserSchema },
      },
      config: { auth: { permission: 'users.manage', scope: 'subtree' } },
    },
    async (req) => users.update(actorOf(req), req.params.id, req.body, req.ip),
  );
  app.post(
    '/api/users/:id/unlock',
    {
      schema: {
        tags,
        summary: '解除登录锁定 (记入审计)',
        params: IdParamSchema,
        response: { 200: OkResponseSchema },
      },
      config: { auth: { permission: 'users.manage', scope: 'subtree' } },
    },
    async (req) => {
      await users.unlock(actorOf(req), req.params.id, req.ip);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/users/:id/unmask-phone',
    {
      schema: {
        tags,
        summary: '查看完整手机号 (需说明原因, 记入审计)',
        params: IdParamSchema,
        body: UnmaskRequestSchema,
        response: { 200: z.object({ phone: z.string().nullable() }) },
      },
      config: { auth: { permission: 'personal.unmask', scope: 'subtree' } },
    },
    async (req) => ({
      phone: await users.unmaskPhone(actorOf(req), req.params.id, req.body.reason, req.ip),
    }),
  );
  app.get(
    '/api/roles',
    {
      schema: { tags, summary: '角色与权限', response: { 200: RoleListSchema } },
      config: { auth: { permission: 'users.read', scope: 'global' } },
    },
    async () => ({ items: await users.listRoles() }),
  );
  app.post(
    '/api/roles',
    {
      schema: {
        tags,
        summary: '新建本地角色',
        body: CreateRoleRequestSchema,
        response: { 201: RoleSchema },
      },
      config: { auth: { permission: 'roles.manage', scope: 'global' } },
    },
    async (req, reply) =>
      reply.status(201).send(await users.createRole(actorOf(req), req.body, req.ip)),
  );
}
