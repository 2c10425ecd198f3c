import type { EncryptedColumns } from '../../core/db/rekey';

/** 实有房屋: houses on 户室 addresses, with landlord (phone encrypted) and rental details. */
export { createHousingService, type HousingService, type HousingDeps, type HouseRef } from './housing.service';
export { registerHousingRoutes } from './housing.routes';
/** Landlord phone numbers are personal data, encrypted at rest. */
export const housingEncryptedColumns: EncryptedColumns[] = [{ table: 'houses', key: 'id', columns: ['landlord_phone_enc'] }];
