export * from './address-levels';
export * from './house-fields';
export * from './addresses.schemas';
export * from './houses.schemas';
