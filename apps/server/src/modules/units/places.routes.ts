import {
  CreatePlaceRequestSchema,
  IdParamSchema,
  PlaceListQuerySchema,
  PlaceListSchema,
  PlaceSchema,
  UnmaskedPlaceSchema,
  UnmaskPlaceRequestSchema,
  UpdatePlaceRequestSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { PlacesService } from './places.service';

export function registerPlacesRoutes(app: App, places: PlacesService): void {
  const tags = ['places'];
  const read = { auth: { permission: 'registry.read', scope: 'subtree' } } as const;
  const manage = { auth: { permission: 'registry.manage', scope: 'subtree' } } as const;

  app.get(
    '/api/places',
    {
      schema: {
        tags,
        summary: '重点场所列表 (辖区内)',
        querystring: PlaceListQuerySchema,
        response: { 200: PlaceListSchema },
      },
      config: read,
    },
    async (req) => places.list(actorOf(req), req.query),
  );
  app.get(
    '/api/places/:id',
    {
      schema: {
        tags,
        summary: '重点场所详情',
        params: IdParamSchema,
        response: { 200: PlaceSchema },
      },
      config: read,
    },
    async (req) => places.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/places',
    {
      schema: {
        tags,
        summary: '登记重点场所 (检查周期默认按场所类型)',
        body: CreatePlaceRequestSchema,
        response: { 201: PlaceSchema },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await places.create(actorOf(req), req.body)),
  );
  app.patch(
    '/api/places/:id',
    {
      schema: {
        tags,
        summary: '修改重点场所; version 不符时 409',
        params: IdParamSchema,
        body: UpdatePlaceRequestSchema,
        response: { 200: PlaceSchema },
      },
      config: manage,
    },
    async (req) => places.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/places/:id/unmask',
    {
      schema: {
        tags,
        summary: '查看负责人完整电话 (需说明原因, 记入审计)',
        params: IdParamSchema,
        body: UnmaskPlaceRequestSchema,
        response: { 200: UnmaskedPlaceSchema },
      },
      config: { auth: { permission: 'personal.unmask', scope: 'subtree' } },
    },
    async (req) => places.unmask(actorOf(req), req.params.id, req.body, req.ip),
  );
}
