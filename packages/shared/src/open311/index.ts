export * from './open311.schemas';
