import {
  CreateMembershipRequestSchema,
  CreateSpecialGroupRequestSchema,
  EndMembershipRequestSchema,
  GroupCodeParamSchema,
  IdParamSchema,
  MembershipListQuerySchema,
  MembershipListSchema,
  MembershipSchema,
  SpecialGroupListSchema,
  SpecialGroupSchema,
  UnmaskedGuardianSchema,
  UnmaskRequestSchema,
  UpdateMembershipRequestSchema,
  UpdateSpecialGroupRequestSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { SpecialGroupsService } from './special-groups.service';

export function registerSpecialGroupsRoutes(app: App, s: SpecialGroupsService): void {
  const tags = ['special-groups'];
  const read = { auth: { permission: 'special.read', scope: 'subtree' } } as const;
  const manage = { auth: { permission: 'special.manage', scope: 'subtree' } } as const;
  const configure = { auth: { permission: 'special.configure', scope: 'global' } } as const;

  // Group definitions are not secret (no person in them): any signed-in user may read the dictionary.
  app.get(
    '/api/special-groups',
    {
      schema: {
        tags,
        summary: '特殊人群/重点青少年类别字典',
        response: { 200: SpecialGroupListSchema },
      },
      config: { auth: { permission: 'authenticated', scope: 'global' } },
    },
    async () => s.groups.list(),
  );
  app.post(
    '/api/special-groups',
    {
      schema: {
        tags,
        summary: '新增本地人群类别 (自定义字段与走访周期)',
        body: CreateSpecialGroupRequestSchema,
        response: { 201: SpecialGroupSchema },
      },
      config: configure,
    },
    async (req, reply) =>
      reply.status(201).send(await s.groups.create(actorOf(req), req.body, req.ip)),
  );
  app.patch(
    '/api/special-groups/:code',
    {
      schema: {
        tags,
        summary: '修改人群类别 (名称、字段、走访周期、启用); version 不符时 409',
        params: GroupCodeParamSchema,
        body: UpdateSpecialGroupRequestSchema,
        response: { 200: SpecialGroupSchema },
      },
      config: configure,
    },
    async (req) => s.groups.update(actorOf(req), req.params.code, req.body, req.ip),
  );

  app.get(
    '/api/special-memberships',
    {
      schema: {
        tags,
        summary: '特殊人群列表 (辖区内)',
        querystring: MembershipListQuerySchema,
        response: { 200: MembershipListSchema },
      },
      config: read,
    },
    async (req) => s.memberships.list(actorOf(req), req.query),
  );
  app.get(
    '/api/special-memberships/:id',
    {
      schema: {
        tags,
        summary: '列管详情 (监护人电话脱敏)',
        params: IdParamSchema,
        response: { 200: MembershipSchema },
      },
      config: read,
    },
    async (req) => s.memberships.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/special-memberships',
    {
      schema: {
        tags,
        summary: '列管: 将人员纳入人群并生成首次走访任务',
        body: CreateMembershipRequestSchema,
        response: { 201: MembershipSchema },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.status(201).send(await s.memberships.create(actorOf(req), req.body, req.ip)),
  );
  app.patch(
    '/api/special-memberships/:id',
    {
      schema: {
        tags,
        summary: '修改列管信息; 关注程度变更时重排走访',
        params: IdParamSchema,
        body: UpdateMembershipRequestSchema,
        response: { 200: MembershipSchema },
      },
      config: manage,
    },
    async (req) => s.memberships.update(actorOf(req), req.params.id, req.body, req.ip),
  );
  app.post(
    '/api/special-memberships/:id/end',
    {
      schema: {
        tags,
        summary: '解除列管 (取消未完成的走访任务)',
        params: IdParamSchema,
        body: EndMembershipRequestSchema,
        response: { 200: MembershipSchema },
      },
      config: manage,
    },
    async (req) => s.memberships.end(actorOf(req), req.params.id, req.body, req.ip),
  );
  app.post(
    '/api/special-memberships/:id/unmask',
    {
      schema: {
        tags,
        summary: '查看监护人/帮教人完整电话 (须说明原因, 记入审计; 另需 special.read)',
        params: IdParamSchema,
        body: UnmaskRequestSchema,
        response: { 200: UnmaskedGuardianSchema },
      },
      config: { auth: { permission: 'personal.unmask', scope: 'subtree' } },
    },
    async (req) => s.memberships.unmask(actorOf(req), req.params.id, req.body.reason, req.ip),
  );
  app.get(
    '/api/persons/:id/special-memberships',
    {
      schema: {
        tags,
        summary: '某人的列管记录 (人员页)',
        params: IdParamSchema,
        response: { 200: MembershipListSchema },
      },
      config: read,
    },
    async (req) => s.memberships.forPerson(actorOf(req), req.params.id),
  );
}
