export * from './indicator-catalogue';
export * from './indicator-schemes';
export * from './indicator-score';
export * from './indicator-scheme-check';
export * from './indicator-periods';
export * from './indicator-api.schemas';
