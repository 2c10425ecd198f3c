/** 统计 · 登记与走访: registry and care-work counts and grid-worker activity, read through the owning modules. */
export {
  createRegistryFiguresService,
  type RegistryFiguresService,
} from './registry-figures.service';
export { registerRegistryFiguresRoutes } from './registry-figures.routes';
export { registryFiguresModule } from './registry-figures.module';
