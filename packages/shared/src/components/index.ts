export * from './component-fields';
export * from './components.schemas';
