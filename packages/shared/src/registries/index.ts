export * from './id-number';
export * from './credit-code';
