export * from './categories.schemas';
export * from './registration-conditions.schemas';
export * from './dispatch-rules.schemas';
export * from './config-sheets.schemas';
