import {
  CompleteVisitRequestSchema,
  IdParamSchema,
  PersonVisitsSchema,
  RecordVisitRequestSchema,
  VisitRecordedSchema,
  VisitTaskListQuerySchema,
  VisitTaskListSchema,
  VisitTaskSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { SpecialGroupsService } from './special-groups.service';

/** 走访: what is due and what was found. A worker without special.read sees and records visits, never the group. */
export function registerVisitsRoutes(app: App, s: SpecialGroupsService): void {
  const tags = ['visits'];
  const read = { auth: { permission: 'visits.read', scope: 'subtree' } } as const;
  const record = { auth: { permission: 'visits.record', scope: 'subtree' } } as const;

  app.get(
    '/api/visits/tasks',
    {
      schema: {
        tags,
        summary: '走访任务 (mine=1: 我的走访, 含本网格未分配的)',
        querystring: VisitTaskListQuerySchema,
        response: { 200: VisitTaskListSchema },
      },
      config: read,
    },
    async (req) => s.visits.list(actorOf(req), req.query),
  );
  app.get(
    '/api/visits/tasks/overdue',
    {
      schema: {
        tags,
        summary: '逾期走访 (辖区内, 最早到期在前)',
        querystring: VisitTaskListQuerySchema,
        response: { 200: VisitTaskListSchema },
      },
      config: read,
    },
    async (req) => s.visits.overdue(actorOf(req), req.query),
  );
  app.get(
    '/api/visits/tasks/:id',
    {
      schema: {
        tags,
        summary: '走访任务详情',
        params: IdParamSchema,
        response: { 200: VisitTaskSchema },
      },
      config: read,
    },
    async (req) => s.visits.getTask(actorOf(req), req.params.id),
  );
  app.post(
    '/api/visits/tasks/:id/complete',
    {
      schema: {
        tags,
        summary: '完成走访 (记录走访并生成下次任务)',
        params: IdParamSchema,
        body: CompleteVisitRequestSchema,
        response: { 201: VisitRecordedSchema },
      },
      config: record,
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await s.visits.complete(actorOf(req), req.params.id, req.body, req.ip)),
  );
  app.post(
    '/api/visits',
    {
      schema: {
        tags,
        summary: '记录一次走访 (无需任务; 如有待办任务一并完成)',
        body: RecordVisitRequestSchema,
        response: { 201: VisitRecordedSchema },
      },
      config: record,
    },
    async (req, reply) =>
      reply.status(201).send(await s.visits.record(actorOf(req), req.body, req.ip)),
  );
  app.get(
    '/api/persons/:id/visits',
    {
      schema: {
        tags,
        summary: '某人的走访记录与待办 (无 special.read 时不含类别与走访情况)',
        params: IdParamSchema,
        response: { 200: PersonVisitsSchema },
      },
      config: read,
    },
    async (req) => s.visits.forPerson(actorOf(req), req.params.id),
  );
}
