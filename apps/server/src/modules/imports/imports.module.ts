import type { ImportKind } from '@wangge/shared';
import type { Needs, Platform, WiredModule } from '../../wiring';
import type { AnyImportSpec } from './import-spec';
import { registerImportsRoutes } from './imports.routes';
import { createImportsService, type ImportsService } from './imports.service';
import { housesImportSpec } from './specs/houses-import.spec';
import { personsImportSpec } from './specs/persons-import.spec';
import { unitsImportSpec } from './specs/units-import.spec';

/** Spreadsheet imports: each registry contributes its spec (columns, row parsing, batched checks, commit). */
export function importsModule(
  p: Platform,
  needs: Needs<'population' | 'housing' | 'addresses' | 'units'>,
): WiredModule<ImportsService> & { specs: Partial<Record<ImportKind, AnyImportSpec>> } {
  const specs: Partial<Record<ImportKind, AnyImportSpec>> = {
    persons: personsImportSpec({
      check: (actor, rows) => needs().population.checkPersonRows(actor, rows),
      commit: (actor, rows) => needs().population.upsertPersons(actor, rows),
      housesByAddress: (actor, list) => needs().housing.idsByFullAddress(actor, list),
    }),
    houses: housesImportSpec({
      placeOfArea: (code) => needs().addresses.placeOfArea(code),
      transaction: (fn) => p.db.transaction().execute(fn),
      ensurePath: (actor, path, opts) => needs().addresses.ensurePath(actor, path, opts),
      upsertOnRooms: (actor, items, tx) => needs().housing.upsertOnRooms(actor, items, tx),
    }),
    units: unitsImportSpec({
      check: (actor, rows) => needs().units.checkUnitRows(actor, rows),
      commit: (actor, rows) => needs().units.upsertUnits(actor, rows),
    }),
  };
  const service = createImportsService({
    db: p.db,
    clock: p.clock,
    audit: p.audit,
    specs: () => specs,
  });
  return { service, specs, routes: (app) => registerImportsRoutes(app, service) };
}
