/** 民情档案 / 民情日志 / 社情民意 by grid staff and 民情信息员; an entry can be turned into a case. */
export {
  createResidentFilesService,
  type ResidentFilesService,
  type ResidentFilesDeps,
  type PlaceRef,
} from './resident-files.service';
export { registerResidentFilesRoutes } from './resident-files.routes';
export { residentFilesModule } from './resident-files.module';
