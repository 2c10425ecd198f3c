/** Append-only audit log of security-relevant actions. */
export {
  createAuditService,
  type AuditService,
  type AuditAction,
  type AuditEvent,
} from './audit.service';
export { registerAuditRoutes } from './audit.routes';
export { PERSONAL_SEARCH_LIMIT, type PersonalSearch } from './personal-search';
export { auditModule } from './audit.module';
export { auditTargetNamers, type TargetNamer, type TargetNamers } from './audit-target-names';
