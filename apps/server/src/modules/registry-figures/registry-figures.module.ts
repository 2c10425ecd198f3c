import type { Needs, Platform, WiredModule } from '../../wiring';
import { registerRegistryFiguresRoutes } from './registry-figures.routes';
import {
  createRegistryFiguresService,
  type RegistryFiguresService,
} from './registry-figures.service';

/** Reads only, through the registers' own services: it owns no table. */
export function registryFiguresModule(
  p: Platform,
  needs: Needs<
    | 'indicators'
    | 'areas'
    | 'users'
    | 'cases'
    | 'population'
    | 'housing'
    | 'units'
    | 'specialGroups'
    | 'residentFiles'
  >,
): WiredModule<RegistryFiguresService> {
  const service = createRegistryFiguresService({ clock: p.clock, modules: needs });
  return { service, routes: (app) => registerRegistryFiguresRoutes(app, service) };
}
