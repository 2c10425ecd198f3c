/** Health, OpenAPI, client settings and the key/value settings store. */
export { registerSystemRoutes, type SystemInfo } from './system.routes';
export { createSettingsRepo, type SettingsRepo } from './settings.repo';
