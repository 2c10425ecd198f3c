import {
  CreateInspectionRequestSchema,
  IdParamSchema,
  InspectionListQuerySchema,
  InspectionListSchema,
  InspectionSchema,
  OverdueInspectionListSchema,
  OverdueInspectionQuerySchema,
  RaiseHazardCaseRequestSchema,
  RaiseHazardCaseResponseSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { InspectionsService } from './inspections.service';

export function registerInspectionsRoutes(app: App, inspections: InspectionsService): void {
  const tags = ['inspections'];
  const read = { auth: { permission: 'registry.read', scope: 'subtree' } } as const;
  const manage = { auth: { permission: 'registry.manage', scope: 'subtree' } } as const;

  app.get(
    '/api/inspections',
    {
      schema: {
        tags,
        summary: '检查记录 (辖区内, 最新在前; targetId 查看一个单位或场所)',
        querystring: InspectionListQuerySchema,
        response: { 200: InspectionListSchema },
      },
      config: read,
    },
    async (req) => inspections.list(actorOf(req), req.query),
  );
  app.get(
    '/api/inspections/overdue',
    {
      schema: {
        tags,
        summary: '逾期未检查的重点单位与场所 (最逾期在前)',
        querystring: OverdueInspectionQuerySchema,
        response: { 200: OverdueInspectionListSchema },
      },
      config: read,
    },
    async (req) => inspections.overdue(actorOf(req), req.query),
  );
  app.post(
    '/api/inspections',
    {
      schema: {
        tags,
        summary: '记录检查 (结果、发现问题、隐患、照片; 更新下次检查日期)',
        body: CreateInspectionRequestSchema,
        response: { 201: InspectionSchema },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await inspections.create(actorOf(req), req.body)),
  );
  app.post(
    '/api/inspections/:id/raise-case',
    {
      schema: {
        tags,
        summary: '隐患生成案件 (巡查上报, 位置为检查对象坐标; 案件编号记在隐患上)',
        params: IdParamSchema,
        body: RaiseHazardCaseRequestSchema,
        response: { 201: RaiseHazardCaseResponseSchema },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.status(201).send(await inspections.raiseCase(actorOf(req), req.params.id, req.body)),
  );
}
