export * from './figure-period';
export * from './registry-figures.schemas';
export * from './figure-columns';
