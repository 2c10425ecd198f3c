import type { App } from '../../core/http/app-types';
import type { Platform } from '../../wiring';
import { createSettingsStore, type SettingsStore } from './settings.service';
import { registerSystemRoutes, type SystemInfo } from './system.routes';

/** Provides the settings store; its routes answer health and client settings, so they take what the process knows. */
export function systemModule(p: Platform): {
  service: SettingsStore;
  routes(app: App, info: SystemInfo): void;
} {
  const service = createSettingsStore(p.db);
  return { service, routes: (app, info) => registerSystemRoutes(app, info, service) };
}
