import {
  AddressDetailSchema,
  AddressListQuerySchema,
  AddressListSchema,
  AddressNodeSchema,
  AddressSearchQuerySchema,
  CreateAddressRequestSchema,
  IdParamSchema,
  UpdateAddressRequestSchema,
} from '@wangge/shared';
import { z } from 'zod';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { AddressesService } from './addresses.service';

export function registerAddressesRoutes(app: App, addresses: AddressesService): void {
  const tags = ['addresses'];
  const read = { auth: { permission: 'registry.read', scope: 'subtree' } } as const;
  const manage = { auth: { permission: 'registry.manage', scope: 'subtree' } } as const;

  app.get(
    '/api/addresses',
    {
      schema: {
        tags,
        summary:
          '标准地址列表: parentId 的下级, 或辖区内的街巷, 或按层级/区域/关键词筛选 (按完整地址排序)',
        querystring: AddressListQuerySchema,
        response: { 200: AddressListSchema },
      },
      config: read,
    },
    async (req) => addresses.list(actorOf(req), req.query),
  );
  app.get(
    '/api/addresses/search',
    {
      schema: {
        tags,
        summary: '按地址片段搜索, 如 "金水路 12号 3单元" (辖区内)',
        querystring: AddressSearchQuerySchema,
        response: { 200: z.object({ items: z.array(AddressNodeSchema) }) },
      },
      config: read,
    },
    async (req) => addresses.search(actorOf(req), req.query),
  );
  app.get(
    '/api/addresses/:id',
    {
      schema: {
        tags,
        summary: '地址详情 (含上级路径与下级)',
        params: IdParamSchema,
        response: { 200: AddressDetailSchema },
      },
      config: read,
    },
    async (req) => addresses.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/addresses',
    {
      schema: {
        tags,
        summary: '新增地址节点 (按坐标或所属区域归属网格, 无则继承上级)',
        body: CreateAddressRequestSchema,
        response: { 201: AddressDetailSchema },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await addresses.create(actorOf(req), req.body)),
  );
  app.patch(
    '/api/addresses/:id',
    {
      schema: {
        tags,
        summary: '修改地址 (改名保留曾用名); version 不符时 409',
        params: IdParamSchema,
        body: UpdateAddressRequestSchema,
        response: { 200: AddressDetailSchema },
      },
      config: manage,
    },
    async (req) => addresses.update(actorOf(req), req.params.id, req.body),
  );
}
