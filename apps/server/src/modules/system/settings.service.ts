import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/database';
import { createSettingsRepo, type SettingsRepo } from './settings.repo';

/**
 * The deployment-wide key/value settings (JSON values), as other modules use them: get and set, inside the caller's
 * transaction when it passes one (the areas revision and the calendar's working hours change with their rows).
 */
export type SettingsStore = SettingsRepo;
export const createSettingsStore = (db: Kysely<DB>): SettingsStore => createSettingsRepo(db);
