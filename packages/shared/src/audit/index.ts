export * from './audit-labels';
export * from './audit.schemas';
export * from './audit-detail';
