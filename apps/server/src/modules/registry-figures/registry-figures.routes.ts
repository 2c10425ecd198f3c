import {
  FigureVisitsQuerySchema,
  GridWorkerFiguresQuerySchema,
  GridWorkerFiguresSchema,
  RegistryFiguresQuerySchema,
  RegistryFiguresReportSchema,
  VisitTaskListSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { RegistryFiguresService } from './registry-figures.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 统计 · 登记与走访: counts within the caller's scope, and the visit tasks behind a visit count. */
export function registerRegistryFiguresRoutes(app: App, figures: RegistryFiguresService): void {
  const tags = ['figures'];
  app.get(
    '/api/figures/registries',
    {
      schema: {
        tags,
        summary: '登记与关怀统计 (人口/房屋/单位/场所/特殊人群/走访/巡检/民情, 仅计数)',
        querystring: RegistryFiguresQuerySchema,
        response: { 200: RegistryFiguresReportSchema },
      },
      config: { auth: { permission: 'registry.read', scope: 'subtree' } },
    },
    async (req) => figures.registries(actorOf(req), req.query),
  );
  app.get(
    '/api/figures/registries.xlsx',
    {
      schema: {
        tags,
        summary: '导出登记与关怀统计 xlsx (同一查询, 每区域一行, 仅计数)',
        querystring: RegistryFiguresQuerySchema,
        produces: [XLSX],
      },
      config: { auth: { permission: 'registry.read', scope: 'subtree' } },
    },
    async (req, reply) => {
      const file = await figures.exportXlsx(actorOf(req), req.query);
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="registry-figures.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .header('cache-control', 'no-store')
        .send(file.buffer);
    },
  );
  app.get(
    '/api/figures/grid-workers',
    {
      schema: {
        tags,
        summary: '网格员工作量 (按人员和网格: 上报、走访、民情日志、巡检)',
        querystring: GridWorkerFiguresQuerySchema,
        response: { 200: GridWorkerFiguresSchema },
      },
      config: { auth: { permission: 'cases.supervise', scope: 'subtree' } },
    },
    async (req) => figures.gridWorkers(actorOf(req), req.query),
  );
  app.get(
    '/api/figures/visits',
    {
      schema: {
        tags,
        summary: '走访统计的明细 (应访/已访/逾期 走访任务, 条数等于统计数)',
        querystring: FigureVisitsQuerySchema,
        response: { 200: VisitTaskListSchema },
      },
      config: { auth: { permission: 'visits.read', scope: 'subtree' } },
    },
    async (req) => figures.visits(actorOf(req), req.query),
  );
}
