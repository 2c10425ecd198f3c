/** Open311 GeoReport v2 (/open311/v2/) and the partner api_keys administrators issue (/api/open311/keys). */
export { createOpen311Service, type Open311Service, type Open311Settings } from './open311.service';
export { open311Module, open311EncryptedColumns } from './open311.module';
export { OPEN311_BASE } from './open311.routes';
