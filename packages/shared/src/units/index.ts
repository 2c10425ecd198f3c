export * from './unit-fields';
export * from './units.schemas';
export * from './places.schemas';
export * from './inspections.schemas';
