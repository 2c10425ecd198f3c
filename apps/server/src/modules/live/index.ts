/** Live updates: server-sent event streams of case changes, filtered by each viewer's scope and department. */
export {
  createLiveService,
  type LiveService,
  type LiveOptions,
  type LiveDeps,
} from './live.service';
export { registerLiveRoutes } from './live.routes';
export { liveModule } from './live.module';
