import {
  CreatePersonRequestSchema,
  HouseResidentsSchema,
  IdParamSchema,
  PersonDetailSchema,
  PersonExportQuerySchema,
  PersonListQuerySchema,
  PersonListSchema,
  PersonLookupRequestSchema,
  PersonMoveInRequestSchema,
  PersonMoveOutRequestSchema,
  PersonPhoneLookupRequestSchema,
  PersonSchema,
  PersonUnmaskRequestSchema,
  PersonUnmaskResponseSchema,
  UpdatePersonRequestSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { PopulationService } from './population.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerPopulationRoutes(app: App, population: PopulationService): void {
  const tags = ['population'];
  const read = { auth: { permission: 'registry.read', scope: 'subtree' } } as const;
  const manage = { auth: { permission: 'registry.manage', scope: 'subtree' } } as const;

  app.get(
    '/api/persons',
    {
      schema: {
        tags,
        summary: '实有人口列表 (辖区内; 姓名、证件号码、电话脱敏)',
        querystring: PersonListQuerySchema,
        response: { 200: PersonListSchema },
      },
      config: read,
    },
    async (req) => population.list(actorOf(req), req.query),
  );
  app.post(
    '/api/persons/lookup',
    {
      // The number travels in the body so it never lands in an access log; the gate is in the audit module.
      schema: {
        tags,
        summary: '按完整证件号码查找 (需查看个人信息权限与原因; 记入审计; 每人限频; 辖区外 404)',
        body: PersonLookupRequestSchema,
        response: { 200: PersonSchema },
      },
      config: read,
    },
    async (req) => population.lookupByIdNumber(actorOf(req), req.body, req.ip),
  );
  app.post(
    '/api/persons/by-phone',
    {
      schema: {
        tags,
        summary:
          '按完整电话查找 (需查看个人信息权限与原因; 记入审计; 每人限频; 仅辖区内; 姓名脱敏)',
        body: PersonPhoneLookupRequestSchema,
        response: { 200: PersonListSchema },
      },
      config: read,
    },
    async (req) => population.lookupByPhone(actorOf(req), req.body, req.ip),
  );
  app.get(
    '/api/persons/export',
    {
      schema: {
        tags,
        summary:
          '导出实有人口 xlsx (脱敏; 持 registry.export 并说明 reason 时含完整信息; 记入审计)',
        querystring: PersonExportQuerySchema,
        produces: [XLSX],
      },
      config: read,
    },
    async (req, reply) => {
      const file = await population.exportXlsx(actorOf(req), req.query, req.ip);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
  app.get(
    '/api/persons/:id',
    {
      schema: {
        tags,
        summary: '人员详情 (含居住历史与记录)',
        params: IdParamSchema,
        response: { 200: PersonDetailSchema },
      },
      config: read,
    },
    async (req) => population.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/persons',
    {
      schema: {
        tags,
        summary: '登记人员 (校验身份证号码; 同一证件只登记一次)',
        body: CreatePersonRequestSchema,
        response: { 201: PersonDetailSchema },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await population.create(actorOf(req), req.body)),
  );
  app.patch(
    '/api/persons/:id',
    {
      schema: {
        tags,
        summary: '修改人员信息; version 不符时 409',
        params: IdParamSchema,
        body: UpdatePersonRequestSchema,
        response: { 200: PersonDetailSchema },
      },
      config: manage,
    },
    async (req) => population.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/persons/:id/move-in',
    {
      schema: {
        tags,
        summary: '迁入房屋 (结束当前居住)',
        params: IdParamSchema,
        body: PersonMoveInRequestSchema,
        response: { 200: PersonDetailSchema },
      },
      config: manage,
    },
    async (req) => population.moveIn(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/persons/:id/move-out',
    {
      schema: {
        tags,
        summary: '迁出',
        params: IdParamSchema,
        body: PersonMoveOutRequestSchema,
        response: { 200: PersonDetailSchema },
      },
      config: manage,
    },
    async (req) => population.moveOut(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/persons/:id/claim',
    {
      schema: {
        tags,
        summary: '认领 (录入 → 认领)',
        params: IdParamSchema,
        response: { 200: PersonDetailSchema },
      },
      config: manage,
    },
    async (req) => population.claim(actorOf(req), req.params.id),
  );
  app.post(
    '/api/persons/:id/verify',
    {
      schema: {
        tags,
        summary: '核实 (→ 已核实)',
        params: IdParamSchema,
        response: { 200: PersonDetailSchema },
      },
      config: manage,
    },
    async (req) => population.verify(actorOf(req), req.params.id),
  );
  app.post(
    '/api/persons/:id/unmask',
    {
      schema: {
        tags,
        summary: '查看完整证件号码或电话 (需说明原因, 记入审计)',
        params: IdParamSchema,
        body: PersonUnmaskRequestSchema,
        response: { 200: PersonUnmaskResponseSchema },
      },
      config: { auth: { permission: 'personal.unmask', scope: 'subtree' } },
    },
    async (req) => population.unmask(actorOf(req), req.params.id, req.body, req.ip),
  );
  app.get(
    '/api/houses/:id/residents',
    {
      schema: {
        tags,
        summary: '房屋的现住与曾住人员 (姓名脱敏)',
        params: IdParamSchema,
        response: { 200: HouseResidentsSchema },
      },
      config: read,
    },
    async (req) => population.residentsOfHouse(actorOf(req), req.params.id),
  );
}
