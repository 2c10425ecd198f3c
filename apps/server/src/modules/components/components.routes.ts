import {
  ChangeComponentStatusRequestSchema,
  ComponentDetailSchema,
  ComponentFeatureCollectionSchema,
  ComponentGeoJsonQuerySchema,
  ComponentImportReportSchema,
  ComponentListQuerySchema,
  ComponentListSchema,
  CreateComponentRequestSchema,
  IdParamSchema,
  ImportComponentsRequestSchema,
  UpdateComponentRequestSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { ComponentsService } from './components.service';

export function registerComponentsRoutes(app: App, components: ComponentsService): void {
  const tags = ['components'];
  const read = { auth: { permission: 'components.read', scope: 'subtree' } } as const;
  const manage = { auth: { permission: 'components.manage', scope: 'subtree' } } as const;

  app.get(
    '/api/components',
    {
      schema: {
        tags,
        summary: '部件列表 (辖区内, 按标识码排序)',
        querystring: ComponentListQuerySchema,
        response: { 200: ComponentListSchema },
      },
      config: read,
    },
    async (req) => components.list(actorOf(req), req.query),
  );
  app.get(
    '/api/components/geojson',
    {
      schema: {
        tags,
        summary: '部件图层 GeoJSON (点, 最多 5000 个, truncated 表示还有更多)',
        querystring: ComponentGeoJsonQuerySchema,
        response: { 200: ComponentFeatureCollectionSchema },
      },
      config: read,
    },
    async (req) => components.geojson(actorOf(req), req.query),
  );
  app.get(
    '/api/components/:id',
    {
      schema: {
        tags,
        summary: '部件详情 (含状态变更记录)',
        params: IdParamSchema,
        response: { 200: ComponentDetailSchema },
      },
      config: read,
    },
    async (req) => components.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/components',
    {
      schema: {
        tags,
        summary: '登记部件 (按坐标定位网格, 校验标识码)',
        body: CreateComponentRequestSchema,
        response: { 201: ComponentDetailSchema },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.status(201).send(await components.create(actorOf(req), req.body, req.ip)),
  );
  app.patch(
    '/api/components/:id',
    {
      schema: {
        tags,
        summary: '修改部件属性或位置; version 不符时 409',
        params: IdParamSchema,
        body: UpdateComponentRequestSchema,
        response: { 200: ComponentDetailSchema },
      },
      config: manage,
    },
    async (req) => components.update(actorOf(req), req.params.id, req.body, req.ip),
  );
  app.post(
    '/api/components/:id/status',
    {
      schema: {
        tags,
        summary: '变更部件状态 (记入状态变更记录)',
        params: IdParamSchema,
        body: ChangeComponentStatusRequestSchema,
        response: { 200: ComponentDetailSchema },
      },
      config: manage,
    },
    async (req) => components.changeStatus(actorOf(req), req.params.id, req.body, req.ip),
  );
  app.post(
    '/api/components/import',
    {
      schema: {
        tags,
        summary: '批量导入部件 CSV / GeoJSON (全部成功或全部不写入)',
        body: ImportComponentsRequestSchema,
        response: { 200: ComponentImportReportSchema, 422: ComponentImportReportSchema },
      },
      config: manage,
    },
    async (req, reply) => {
      const report = await components.import(actorOf(req), req.body, req.ip);
      return reply.status(report.ok ? 200 : 422).send(report);
    },
  );
}
