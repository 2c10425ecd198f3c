import type { Migration } from 'kysely';
import * as foundation from './2026-11-29T1500_foundation';

/** Every migration, in the order they apply. Names never change once released. */
export const migrations: Record<string, Migration> = {
  '2026-11-29T1500_foundation': foundation,
};
