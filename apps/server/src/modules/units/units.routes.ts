import {
  AddUnitEmployeeRequestSchema,
  CreateUnitRequestSchema,
  IdParamSchema,
  UnitDetailSchema,
  UnitEmployeeParamsSchema,
  UnitExportQuerySchema,
  UnitListQuerySchema,
  UnitListSchema,
  UnitSearchRequestSchema,
  UnmaskedUnitSchema,
  UnmaskUnitRequestSchema,
  UpdateUnitRequestSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import { registerInspectionsRoutes } from './inspections.routes';
import { registerPlacesRoutes } from './places.routes';
import type { UnitsService } from './units.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 实有单位 routes, then those of 重点场所 and inspections. Reads need registry.read, writes registry.manage. */
export function registerUnitsRoutes(app: App, units: UnitsService): void {
  const tags = ['units'];
  const read = { auth: { permission: 'registry.read', scope: 'subtree' } } as const;
  const manage = { auth: { permission: 'registry.manage', scope: 'subtree' } } as const;

  app.get(
    '/api/units',
    {
      schema: {
        tags,
        summary: '实有单位列表 (辖区内, 按名称排序; 人名与电话脱敏)',
        querystring: UnitListQuerySchema,
        response: { 200: UnitListSchema },
      },
      config: read,
    },
    async (req) => units.list(actorOf(req), req.query),
  );
  app.post(
    '/api/units/search',
    {
      // The phone travels in the body so it never lands in an access log; the gate is in the audit module.
      schema: {
        tags,
        summary:
          '按法定代表人或联系人完整电话查找单位 (需查看个人信息权限与原因; 记入审计; 每人限频)',
        body: UnitSearchRequestSchema,
        response: { 200: UnitListSchema },
      },
      config: read,
    },
    async (req) => units.search(actorOf(req), req.body, req.ip),
  );
  app.get(
    '/api/units/export',
    {
      schema: {
        tags,
        summary:
          '导出实有单位 xlsx (脱敏; 持 registry.export 并说明 reason 时含完整信息; 记入审计)',
        querystring: UnitExportQuerySchema,
        produces: [XLSX],
      },
      config: read,
    },
    async (req, reply) => {
      const file = await units.exportUnits(actorOf(req), req.query, req.ip);
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="units.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .header('x-export-masked', String(file.masked))
        .header('cache-control', 'no-store')
        .send(file.buffer);
    },
  );
  app.get(
    '/api/units/:id',
    {
      schema: {
        tags,
        summary: '单位详情 (含从业人员)',
        params: IdParamSchema,
        response: { 200: UnitDetailSchema },
      },
      config: read,
    },
    async (req) => units.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/units',
    {
      schema: {
        tags,
        summary: '登记单位 (校验统一社会信用代码; 按坐标或标准地址定位网格)',
        body: CreateUnitRequestSchema,
        response: { 201: UnitDetailSchema },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await units.create(actorOf(req), req.body)),
  );
  app.patch(
    '/api/units/:id',
    {
      schema: {
        tags,
        summary: '修改单位; version 不符时 409',
        params: IdParamSchema,
        body: UpdateUnitRequestSchema,
        response: { 200: UnitDetailSchema },
      },
      config: manage,
    },
    async (req) => units.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/units/:id/employees',
    {
      schema: {
        tags,
        summary: '添加从业人员 (实有人口中的人员)',
        params: IdParamSchema,
        body: AddUnitEmployeeRequestSchema,
        response: { 201: UnitDetailSchema },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.status(201).send(await units.addEmployee(actorOf(req), req.params.id, req.body)),
  );
  app.delete(
    '/api/units/:id/employees/:employeeId',
    {
      schema: {
        tags,
        summary: '移除从业人员记录',
        params: UnitEmployeeParamsSchema,
        response: { 200: UnitDetailSchema },
      },
      config: manage,
    },
    async (req) => units.removeEmployee(actorOf(req), req.params.id, req.params.employeeId),
  );
  app.post(
    '/api/units/:id/unmask',
    {
      schema: {
        tags,
        summary: '查看完整电话 (需说明原因, 记入审计)',
        params: IdParamSchema,
        body: UnmaskUnitRequestSchema,
        response: { 200: UnmaskedUnitSchema },
      },
      config: { auth: { permission: 'personal.unmask', scope: 'subtree' } },
    },
    async (req) => units.unmask(actorOf(req), req.params.id, req.body, req.ip),
  );

  registerPlacesRoutes(app, units.places);
  registerInspectionsRoutes(app, units.inspections);
}
