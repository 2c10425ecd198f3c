import {
  CaseEventListSchema,
  CaseExportQuerySchema,
  CaseListQuerySchema,
  NearbyCasesQuerySchema,
  NearbyCasesSchema,
  CaseListSchema,
  CaseMapPointsSchema,
  CaseMapQuerySchema,
  CaseOverviewQuerySchema,
  CaseOverviewSchema,
  CaseTransitionRequestSchema,
  CaseViewSchema,
  IdParamSchema,
  ReportCaseRequestSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { CasesService } from './cases.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerCasesRoutes(app: App, cases: CasesService): void {
  const tags = ['cases'];
  app.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '上报问题 (幂等: 同一 idempotencyKey 只生成一个案件)',
        body: ReportCaseRequestSchema,
        response: { 200: CaseViewSchema, 201: CaseViewSchema },
      },
      config: { auth: { permission: 'cases.report', scope: 'subtree' } },
    },
    async (req, reply) => {
      const r = await cases.report(actorOf(req), req.body);
      return reply.status(r.created ? 201 : 200).send(r.case);
    },
  );
  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '案件队列 (辖区内, 最紧急在前)',
        querystring: CaseListQuerySchema,
        response: { 200: CaseListSchema },
      },
      config: { auth: { permission: 'cases.read', scope: 'subtree' } },
    },
    async (req) => ({ items: await cases.list(actorOf(req), req.query) }),
  );
  app.get(
    '/api/cases/overview',
    {
      schema: {
        tags,
        summary: '区域概况: 辖区内各状态案件数, 在办案件按红黄绿灯 (最紧急的在办环节)',
        querystring: CaseOverviewQuerySchema,
        response: { 200: CaseOverviewSchema },
      },
      config: { auth: { permission: 'cases.read', scope: 'subtree' } },
    },
    async (req) => cases.overview(actorOf(req), req.query),
  );
  app.get(
    '/api/cases/map-points',
    {
      schema: {
        tags,
        summary:
          '驾驶舱地图: 辖区内在办案件的位置 (最多 5000 个, 最新的在前, truncated 标记截断) 与各网格在办数; 不含上报人',
        querystring: CaseMapQuerySchema,
        response: { 200: CaseMapPointsSchema },
      },
      config: { auth: { permission: 'cases.read', scope: 'subtree' } },
    },
    async (req) => cases.mapPoints(actorOf(req), req.query),
  );
  app.get(
    '/api/cases/export',
    {
      schema: {
        tags,
        summary:
          '导出案件 xlsx (队列的筛选与搜索, 辖区内; 上报人脱敏, 持 registry.export 并说明 reason 时含姓名; 记入审计)',
        querystring: CaseExportQuerySchema,
        produces: [XLSX],
      },
      config: { auth: { permission: 'cases.read', scope: 'subtree' } },
    },
    async (req, reply) => {
      const file = await cases.exportXlsx(actorOf(req), req.query, req.ip);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
  app.get(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: '案件详情 (含可执行操作与红黄绿灯)',
        params: IdParamSchema,
        response: { 200: CaseViewSchema },
      },
      config: { auth: { permission: 'cases.read', scope: 'subtree' } },
    },
    async (req) => cases.get(actorOf(req), req.params.id),
  );
  app.get(
    '/api/cases/nearby',
    {
      schema: {
        tags,
        summary: '附近同类未结案件 (上报前查重)',
        querystring: NearbyCasesQuerySchema,
        response: { 200: NearbyCasesSchema },
      },
      config: { auth: { permission: 'cases.read', scope: 'subtree' } },
    },
    async (req) => ({ items: await cases.nearby(actorOf(req), req.query) }),
  );
  app.get(
    '/api/cases/:id/duplicates',
    {
      schema: {
        tags,
        summary: '疑似重复案件 (受理时合并用)',
        params: IdParamSchema,
        response: { 200: NearbyCasesSchema },
      },
      config: { auth: { permission: 'cases.read', scope: 'subtree' } },
    },
    async (req) => ({ items: await cases.duplicatesOf(actorOf(req), req.params.id) }),
  );
  app.get(
    '/api/cases/:id/events',
    {
      schema: {
        tags,
        summary: '案件流转记录',
        params: IdParamSchema,
        response: { 200: CaseEventListSchema },
      },
      config: { auth: { permission: 'cases.read', scope: 'subtree' } },
    },
    async (req) => ({ items: await cases.events(actorOf(req), req.params.id) }),
  );
  app.post(
    '/api/cases/:id/transitions',
    {
      schema: {
        tags,
        summary: '案件操作 (受理、立案、派遣、处置、核查、结案…); version 不符时 409',
        params: IdParamSchema,
        body: CaseTransitionRequestSchema,
        response: { 200: CaseViewSchema },
      },
      config: { auth: { permission: 'cases.act', scope: 'subtree' } },
    },
    async (req) => cases.transition(actorOf(req), req.params.id, req.body),
  );
}
