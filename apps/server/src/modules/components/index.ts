/** 部件 registry (managed city components, GB/T 47678.5-2026 表2): records, map layer, import, condition history. */
export {
  createComponentsService,
  type ComponentsService,
  type ComponentsDeps,
  type ComponentsForCases,
  type StatusActor,
} from './components.service';
export { registerComponentsRoutes } from './components.routes';
export { componentsModule } from './components.module';
