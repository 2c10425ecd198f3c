import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import type { WiredModule } from '../../wiring';
import { createAuditService, type AuditService } from './audit.service';
import { registerAuditRoutes } from './audit.routes';

/** Needs nothing but the database and the clock: every other module records through it, so it is wired first. */
export function auditModule(p: { db: Kysely<DB>; clock: Clock }): WiredModule<AuditService> {
  const service = createAuditService({ db: p.db, clock: p.clock });
  return { service, routes: (app) => registerAuditRoutes(app, service) };
}
