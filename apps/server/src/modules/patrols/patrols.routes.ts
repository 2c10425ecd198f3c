import {
  CheckInRequestSchema,
  CheckInSchema,
  IdParamSchema,
  PatrolDetailSchema,
  PatrolListQuerySchema,
  PatrolListSchema,
  PatrolSchema,
  StartPatrolRequestSchema,
  StopPatrolRequestSchema,
  TrackPointsRequestSchema,
  TrackPointsResponseSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { PatrolsService } from './patrols.service';

/**
 * 巡查. Patrolling is part of 信息收集, so those who may report (cases.report) patrol and those who read cases
 * (cases.read) see patrols in their area; a walker writes to their own patrols only.
 */
export function registerPatrolsRoutes(app: App, patrols: PatrolsService): void {
  const tags = ['patrols'];
  const write = { auth: { permission: 'cases.report' as const, scope: 'self' as const } };
  app.post(
    '/api/patrols',
    {
      schema: {
        tags,
        summary: '开始巡查 (幂等: 同一 id 返回同一巡查; 区域须在辖区内)',
        body: StartPatrolRequestSchema,
        response: { 200: PatrolSchema },
      },
      config: { auth: { permission: 'cases.report', scope: 'subtree' } },
    },
    async (req) => patrols.start(actorOf(req), req.body),
  );
  app.post(
    '/api/patrols/:id/stop',
    {
      schema: {
        tags,
        summary: '结束巡查 (本人; 重复结束不变)',
        params: IdParamSchema,
        body: StopPatrolRequestSchema,
        response: { 200: PatrolSchema },
      },
      config: write,
    },
    async (req) => patrols.stop(actorOf(req), req.params.id, req.body.endedAt),
  );
  app.post(
    '/api/patrols/:id/points',
    {
      schema: {
        tags,
        summary: '上传轨迹点 (批量; 同一时刻的点只存一次; crs=gcj02 时转换为 WGS-84)',
        params: IdParamSchema,
        body: TrackPointsRequestSchema,
        response: { 200: TrackPointsResponseSchema },
      },
      config: write,
    },
    async (req) => patrols.addPoints(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/patrols/:id/checkins',
    {
      schema: {
        tags,
        summary: '巡查打卡 (幂等: 同一 key 只记一次)',
        params: IdParamSchema,
        body: CheckInRequestSchema,
        response: { 200: CheckInSchema },
      },
      config: write,
    },
    async (req) => patrols.checkIn(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/patrols',
    {
      schema: {
        tags,
        summary: '巡查记录 (辖区内; mine=true 只看本人)',
        querystring: PatrolListQuerySchema,
        response: { 200: PatrolListSchema },
      },
      config: { auth: { permission: 'cases.read', scope: 'subtree' } },
    },
    async (req) => ({ items: await patrols.list(actorOf(req), req.query) }),
  );
  app.get(
    '/api/patrols/:id',
    {
      schema: {
        tags,
        summary: '巡查详情: 轨迹 (WGS-84) 与打卡',
        params: IdParamSchema,
        response: { 200: PatrolDetailSchema },
      },
      config: { auth: { permission: 'cases.read', scope: 'subtree' } },
    },
    async (req) => patrols.get(actorOf(req), req.params.id),
  );
}
