import {
  CreateHouseRequestSchema,
  HouseDetailSchema,
  HouseExportQuerySchema,
  HouseListQuerySchema,
  HouseListSchema,
  HouseSearchRequestSchema,
  HouseUnmaskRequestSchema,
  IdParamSchema,
  LandlordPhoneResponseSchema,
  UpdateHouseRequestSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { HousingService } from './housing.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerHousingRoutes(app: App, housing: HousingService): void {
  const tags = ['houses'];
  const read = { auth: { permission: 'registry.read', scope: 'subtree' } } as const;
  const manage = { auth: { permission: 'registry.manage', scope: 'subtree' } } as const;

  app.get(
    '/api/houses',
    {
      schema: {
        tags,
        summary: '实有房屋列表 (辖区内, 按地址排序; 房主姓名与电话脱敏)',
        querystring: HouseListQuerySchema,
        response: { 200: HouseListSchema },
      },
      config: read,
    },
    async (req) => housing.list(actorOf(req), req.query),
  );
  app.post(
    '/api/houses/search',
    {
      // The phone travels in the body so it never lands in an access log; the gate is in the audit module.
      schema: {
        tags,
        summary: '按房主完整电话查找房屋 (需查看个人信息权限与原因; 记入审计; 每人限频)',
        body: HouseSearchRequestSchema,
        response: { 200: HouseListSchema },
      },
      config: read,
    },
    async (req) => housing.search(actorOf(req), req.body, req.ip),
  );
  app.get(
    '/api/houses/export',
    {
      schema: {
        tags,
        summary:
          '导出实有房屋 xlsx (房主信息脱敏; 持 registry.export 并说明 reason 时含完整信息; 记入审计)',
        querystring: HouseExportQuerySchema,
        produces: [XLSX],
      },
      config: read,
    },
    async (req, reply) => {
      const file = await housing.exportXlsx(actorOf(req), req.query, req.ip);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
  app.get(
    '/api/houses/:id',
    {
      schema: {
        tags,
        summary: '房屋详情 (含地址路径; 房主电话脱敏)',
        params: IdParamSchema,
        response: { 200: HouseDetailSchema },
      },
      config: read,
    },
    async (req) => housing.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/houses',
    {
      schema: {
        tags,
        summary: '登记房屋 (一个户室一套房屋)',
        body: CreateHouseRequestSchema,
        response: { 201: HouseDetailSchema },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await housing.create(actorOf(req), req.body)),
  );
  app.patch(
    '/api/houses/:id',
    {
      schema: {
        tags,
        summary: '修改房屋信息; version 不符时 409',
        params: IdParamSchema,
        body: UpdateHouseRequestSchema,
        response: { 200: HouseDetailSchema },
      },
      config: manage,
    },
    async (req) => housing.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/houses/:id/unmask',
    {
      schema: {
        tags,
        summary: '查看房主完整电话 (需说明原因, 记入审计)',
        params: IdParamSchema,
        body: HouseUnmaskRequestSchema,
        response: { 200: LandlordPhoneResponseSchema },
      },
      config: { auth: { permission: 'personal.unmask', scope: 'subtree' } },
    },
    async (req) => housing.unmask(actorOf(req), req.params.id, req.body.reason, req.ip),
  );
}
