import {
  CreateOpen311KeyRequestSchema,
  Open311KeyIssuedSchema,
  Open311KeyListSchema,
  Open311KeyParamsSchema,
  Open311KeySchema,
  Open311SettingsSchema,
  type Open311Settings,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { Open311Keys } from './open311-keys.service';

// Partner keys are the deployment's, not an area's: administrators (settings.manage) issue and revoke them.
const ADMIN = { permission: 'settings.manage', scope: 'global' } as const;

export interface SettingsPort {
  get(): Promise<Open311Settings>;
  set(value: Open311Settings): Promise<Open311Settings>;
}

export function registerOpen311KeyRoutes(
  app: App,
  keys: Open311Keys,
  settings: SettingsPort,
): void {
  const tags = ['open311'];
  app.get(
    '/api/open311/keys',
    {
      schema: {
        tags,
        summary: 'Open311 对接系统的接口密钥 (只列前缀)',
        response: { 200: Open311KeyListSchema },
      },
      config: { auth: ADMIN },
    },
    async () => ({ items: await keys.list() }),
  );
  app.post(
    '/api/open311/keys',
    {
      schema: {
        tags,
        summary: '签发接口密钥 (密钥只在此次返回中出现一次)',
        body: CreateOpen311KeyRequestSchema,
        response: { 201: Open311KeyIssuedSchema },
      },
      config: { auth: ADMIN },
    },
    async (req, reply) => reply.status(201).send(await keys.issue(actorOf(req), req.body, req.ip)),
  );
  app.post(
    '/api/open311/keys/:id/revoke',
    {
      schema: {
        tags,
        summary: '吊销接口密钥',
        params: Open311KeyParamsSchema,
        response: { 200: Open311KeySchema },
      },
      config: { auth: ADMIN },
    },
    async (req) => keys.revoke(actorOf(req), req.params.id, req.ip),
  );
  app.get(
    '/api/open311/settings',
    {
      schema: {
        tags,
        summary: 'Open311 辖区标识与服务发现信息',
        response: { 200: Open311SettingsSchema },
      },
      config: { auth: ADMIN },
    },
    async () => settings.get(),
  );
  app.put(
    '/api/open311/settings',
    {
      schema: {
        tags,
        summary: '修改 Open311 辖区标识与服务发现信息',
        body: Open311SettingsSchema,
        response: { 200: Open311SettingsSchema },
      },
      config: { auth: ADMIN },
    },
    async (req) => settings.set(req.body),
  );
}
