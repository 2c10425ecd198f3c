export * from './person-fields';
export * from './population.schemas';
