export * from './figure-period';
export * from './registry-figures.schemas';
