import type { Needs, Platform, WiredModule } from '../../wiring';
import { createAddressesService, type AddressesService } from './addresses.service';
import { registerAddressesRoutes } from './addresses.routes';

/** 标准地址: places through the areas service; houses follow renames and moves of their rooms in the same transaction. */
export function addressesModule(
  p: Platform,
  needs: Needs<'areas' | 'housing'>,
): WiredModule<AddressesService> {
  const service = createAddressesService({
    db: p.db,
    clock: p.clock,
    gridAt: (lng, lat, crs) => needs().areas.gridAt(lng, lat, crs),
    areaRefs: (codes) => needs().areas.refs(codes),
    onSubtreeChanged: (tx, change) => needs().housing.applyAddressChange(tx, change),
  });
  return { service, routes: (app) => registerAddressesRoutes(app, service) };
}
