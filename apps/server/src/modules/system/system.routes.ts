import { z } from 'zod';
import { HealthResponseSchema } from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import type { SettingsStore } from './settings.service';

export interface SystemInfo {
  database: 'sqlite' | 'postgres';
  schemaVersion: string;
  version: string;
  basemap: { url: string | null; type: 'xyz' | 'wmts' };
}

const MapSettingsSchema = z.object({
  basemapUrl: z
    .string()
    .nullable()
    .describe('XYZ or WMTS tile URL; null = no external tiles (offline)'),
  basemapType: z.enum(['xyz', 'wmts']),
});

const DemoAccountsSchema = z.object({
  items: z.array(z.object({ username: z.string(), role: z.string(), area: z.string() })),
  password: z.string().nullable(),
});

export function registerSystemRoutes(app: App, info: SystemInfo, settings: SettingsStore): void {
  app.get(
    '/api/health',
    {
      schema: { tags: ['system'], summary: '健康检查', response: { 200: HealthResponseSchema } },
      config: { auth: { public: true, reason: 'load balancers and monitoring' } },
    },
    async () => ({
      status: 'ok' as const,
      database: info.database,
      schemaVersion: info.schemaVersion,
      version: info.version,
    }),
  );
  app.get(
    '/api/openapi.json',
    {
      schema: { hide: true },
      config: { auth: { public: true, reason: 'API description for integrators' } },
    },
    async () => app.swagger(),
  );
  app.get(
    '/api/settings/map',
    // The tile URL may carry a 天地图 key, so only signed-in users get it.
    {
      schema: { tags: ['system'], summary: '地图底图设置', response: { 200: MapSettingsSchema } },
      config: { auth: { permission: 'areas.read', scope: 'global' } },
    },
    async () => ({ basemapUrl: info.basemap.url, basemapType: info.basemap.type }),
  );
  app.get(
    '/api/demo-accounts',
    // Only a demo database has these; a production database answers an empty list.
    {
      schema: {
        tags: ['system'],
        summary: '演示账号 (仅演示库)',
        response: { 200: DemoAccountsSchema },
      },
      config: { auth: { public: true, reason: 'login page hints on the demo city' } },
    },
    async () => {
      const items =
        (await settings.get<{ username: string; role: string; area: string }[]>('demo.accounts')) ??
        [];
      return {
        items,
        password: items.length ? ((await settings.get<string>('demo.password')) ?? null) : null,
      };
    },
  );
}
