/** Health, OpenAPI, client settings and the key/value settings store. */
export { registerSystemRoutes, type SystemInfo } from './system.routes';
export { createSettingsStore, type SettingsStore } from './settings.service';
export { systemModule } from './system.module';
