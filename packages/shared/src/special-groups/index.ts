export * from './special-groups.constants';
export * from './group-fields';
export * from './special-groups.schemas';
export * from './visits.schemas';
