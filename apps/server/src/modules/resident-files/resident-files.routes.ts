import {
  CreateResidentFileRequestSchema,
  IdParamSchema,
  RaiseCaseFromFileRequestSchema,
  ResidentFileListQuerySchema,
  ResidentFileListSchema,
  ResidentFileSchema,
  UpdateResidentFileRequestSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { ResidentFilesService } from './resident-files.service';

export function registerResidentFilesRoutes(app: App, files: ResidentFilesService): void {
  const tags = ['resident-files'];
  const read = { auth: { permission: 'residentFiles.read', scope: 'subtree' } } as const;
  const write = { auth: { permission: 'residentFiles.write', scope: 'subtree' } } as const;

  app.get(
    '/api/resident-files',
    {
      schema: {
        tags,
        summary: '民情档案/民情日志 (辖区内, 最新在前)',
        querystring: ResidentFileListQuerySchema,
        response: { 200: ResidentFileListSchema },
      },
      config: read,
    },
    async (req) => files.list(actorOf(req), req.query),
  );
  app.get(
    '/api/resident-files/:id',
    {
      schema: {
        tags,
        summary: '民情记录详情',
        params: IdParamSchema,
        response: { 200: ResidentFileSchema },
      },
      config: read,
    },
    async (req) => files.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/resident-files',
    {
      schema: {
        tags,
        summary: '记录民情 (关于某户、某人或某网格)',
        body: CreateResidentFileRequestSchema,
        response: { 201: ResidentFileSchema },
      },
      config: write,
    },
    async (req, reply) => reply.status(201).send(await files.create(actorOf(req), req.body)),
  );
  app.patch(
    '/api/resident-files/:id',
    {
      schema: {
        tags,
        summary: '跟进民情记录; version 不符时 409',
        params: IdParamSchema,
        body: UpdateResidentFileRequestSchema,
        response: { 200: ResidentFileSchema },
      },
      config: write,
    },
    async (req) => files.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/resident-files/:id/raise-case',
    {
      schema: {
        tags,
        summary: '转为案件 (巡查上报; 默认 民生服务/求助)',
        params: IdParamSchema,
        body: RaiseCaseFromFileRequestSchema,
        response: { 201: ResidentFileSchema },
      },
      config: write,
    },
    async (req, reply) =>
      reply.status(201).send(await files.raiseCase(actorOf(req), req.params.id, req.body)),
  );
}
