export * from './resident-files.schemas';
