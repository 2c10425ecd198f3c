/** 指挥中心大屏: the command-centre screen's one read (docs/screen.md); live updates come from the live module. */
export { createScreenService, type ScreenService, type ScreenDeps } from './screen.service';
export { registerScreenRoutes } from './screen.routes';
export { screenModule } from './screen.module';
