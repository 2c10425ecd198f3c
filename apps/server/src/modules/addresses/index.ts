/** 标准地址 tree (街巷 → 门牌 → 小区 → 楼栋 → 单元 → 楼层 → 户室): browse, search, register, find-or-create paths. */
export {
  createAddressesService,
  type AddressesService,
  type AddressesDeps,
  type AddressChange,
  type AddressRef,
  type AddressTarget,
} from './addresses.service';
export { registerAddressesRoutes } from './addresses.routes';
export type { Place as AddressPlace } from './address-model';
export type { EnsurePathOptions, EnsuredPath, PathStep } from './ensure-path';
export { addressesModule } from './addresses.module';
