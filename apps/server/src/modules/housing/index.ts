/** 实有房屋: houses on 户室 addresses, with landlord (phone encrypted) and rental details. */
export {
  createHousingService,
  type HousingService,
  type HousingDeps,
  type HouseRef,
} from './housing.service';
export { registerHousingRoutes } from './housing.routes';
export { housingModule, housingEncryptedColumns } from './housing.module';
