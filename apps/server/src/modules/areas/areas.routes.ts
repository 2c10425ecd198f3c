import { z } from 'zod';
import {
  AreaCountsSchema,
  AreaDetailSchema,
  AreaGeoJsonQuerySchema,
  AreaLevelSchema,
  AreaSearchQuerySchema,
  AreaSearchResponseSchema,
  AreaTreeResponseSchema,
  AssignStaffRequestSchema,
  GridStaffSchema,
  IdParamSchema,
  ImportAreasRequestSchema,
  ImportReportSchema,
  LocateQuerySchema,
  LocateResponseSchema,
  OkResponseSchema,
  StaffAssignmentParamsSchema,
  UnmaskRequestSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { AreasService } from './areas.service';

// GeoJSON bodies are free-form; they are described here and checked by the import validator.
const FeatureCollectionSchema = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) })
  .meta({ id: 'FeatureCollection' });

export function registerAreasRoutes(app: App, areas: AreasService): void {
  const tags = ['areas'];
  const read = { auth: { permission: 'areas.read', scope: 'subtree' } } as const;

  app.get(
    '/api/areas/tree',
    {
      schema: {
        tags,
        summary: '区域树 (管辖范围内, 不含边界)',
        querystring: z.object({
          level: AreaLevelSchema.optional(),
          parentCode: z.string().max(20).optional(),
        }),
        response: { 200: AreaTreeResponseSchema },
      },
      config: read,
    },
    async (req) => ({ items: await areas.tree(actorOf(req), req.query) }),
  );
  app.get(
    '/api/areas/search',
    {
      schema: {
        tags,
        summary: '按编码或名称搜索区域',
        querystring: AreaSearchQuerySchema,
        response: { 200: AreaSearchResponseSchema },
      },
      config: read,
    },
    async (req) => ({ items: await areas.search(actorOf(req), req.query.q, req.query.limit) }),
  );
  app.get(
    '/api/areas/geojson',
    {
      schema: {
        tags,
        summary: '区域边界 GeoJSON (WGS84)',
        querystring: AreaGeoJsonQuerySchema,
        response: { 200: FeatureCollectionSchema },
      },
      config: read,
    },
    async (req) => areas.geojson(actorOf(req), req.query),
  );
  app.get(
    '/api/areas/locate',
    {
      schema: {
        tags,
        summary: '坐标定位网格',
        querystring: LocateQuerySchema,
        response: { 200: LocateResponseSchema },
      },
      config: read,
    },
    async (req) => areas.locate(actorOf(req), req.query.lng, req.query.lat, req.query.crs),
  );
  app.get(
    '/api/areas/export',
    {
      schema: {
        tags,
        summary: '导出区域 GeoJSON',
        querystring: z.object({ level: AreaLevelSchema.optional() }),
        response: { 200: FeatureCollectionSchema },
      },
      config: { auth: { permission: 'areas.export', scope: 'subtree' } },
    },
    async (req) => areas.export(actorOf(req), req.query.level, req.ip),
  );
  app.post(
    '/api/areas/import',
    {
      schema: {
        tags,
        summary: '导入区域 GeoJSON (全部成功或全部不写入)',
        body: ImportAreasRequestSchema,
        response: { 200: ImportReportSchema, 422: ImportReportSchema },
      },
      config: { auth: { permission: 'areas.manage', scope: 'subtree' } },
    },
    async (req, reply) => {
      const report = await areas.import(actorOf(req), req.body, req.ip);
      return reply.status(report.ok ? 200 : 422).send(report);
    },
  );
  app.get(
    '/api/areas/:id',
    {
      schema: {
        tags,
        summary: '区域详情: 上级链, 面积, 网格力量',
        params: IdParamSchema,
        response: { 200: AreaDetailSchema },
      },
      config: read,
    },
    async (req) => areas.detail(actorOf(req), req.params.id),
  );
  app.get(
    '/api/areas/:id/counts',
    {
      schema: {
        tags,
        summary: '区域统计: 实有人口, 实有房屋, 在办案件 (无相应权限时为 null)',
        params: IdParamSchema,
        response: { 200: AreaCountsSchema },
      },
      config: read,
    },
    async (req) => areas.counts(actorOf(req), req.params.id),
  );
  app.post(
    '/api/areas/:id/staff',
    {
      schema: {
        tags,
        summary: '配置网格力量',
        params: IdParamSchema,
        body: AssignStaffRequestSchema,
        response: { 200: z.object({ items: z.array(GridStaffSchema) }) },
      },
      config: { auth: { permission: 'areas.staff.manage', scope: 'subtree' } },
    },
    async (req) => ({
      items: await areas.assignStaff(
        actorOf(req),
        req.params.id,
        req.body.userId,
        req.body.role,
        req.ip,
      ),
    }),
  );
  app.post(
    '/api/areas/:id/staff/:assignmentId/unmask-phone',
    {
      schema: {
        tags,
        summary: '查看网格力量完整手机号 (非本网格同事须说明原因, 记入审计)',
        params: StaffAssignmentParamsSchema,
        body: UnmaskRequestSchema,
        response: { 200: z.object({ phone: z.string().nullable() }) },
      },
      config: { auth: { permission: 'staff.contact.read', scope: 'subtree' } },
    },
    async (req) => ({
      phone: await areas.unmaskStaffPhone(
        actorOf(req),
        req.params.id,
        req.params.assignmentId,
        req.body.reason,
        req.ip,
      ),
    }),
  );
  app.delete(
    '/api/areas/:id/staff/:assignmentId',
    {
      schema: {
        tags,
        summary: '解除网格职务',
        params: StaffAssignmentParamsSchema,
        response: { 200: OkResponseSchema },
      },
      config: { auth: { permission: 'areas.staff.manage', scope: 'subtree' } },
    },
    async (req) => {
      await areas.removeStaff(actorOf(req), req.params.id, req.params.assignmentId, req.ip);
      return { ok: true as const };
    },
  );
}
