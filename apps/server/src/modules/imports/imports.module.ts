import type { AnyImportKind } from '@wangge/shared';
import type { Needs, Platform, WiredModule } from '../../wiring';
import type { AnyImportSpec } from './import-spec';
import { registerImportsRoutes } from './imports.routes';
import { createImportsService, type ImportsService } from './imports.service';
import { housesImportSpec } from './specs/houses-import.spec';
import { personsImportSpec } from './specs/persons-import.spec';
import { unitsImportSpec } from './specs/units-import.spec';
import { categoriesSheetSpec } from './specs/categories-sheet.spec';
import { conditionsSheetSpec } from './specs/conditions-sheet.spec';
import { dispatchRulesSheetSpec } from './specs/dispatch-rules-sheet.spec';
import { registerConfigSheetRoutes } from './config-sheets.routes';

/** Spreadsheet imports: each registry contributes its spec (columns, row parsing, batched checks, commit). */
export function importsModule(
  p: Platform,
  needs: Needs<
    | 'population'
    | 'housing'
    | 'addresses'
    | 'units'
    | 'categories'
    | 'conditionsSheet'
    | 'dispatchRules'
  >,
): WiredModule<ImportsService> & { specs: Partial<Record<AnyImportKind, AnyImportSpec>> } {
  const specs: Partial<Record<AnyImportKind, AnyImportSpec>> = {
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
    // Case configuration (routes of their own: config-sheets.routes.ts).
    categories: categoriesSheetSpec({
      rows: () => needs().categories.sheetRows(),
      check: (rows) => needs().categories.checkSheetRows(rows),
      commit: (actor, rows) => needs().categories.commitSheetRows(actor, rows),
    }),
    dispatch_rules: dispatchRulesSheetSpec({
      rows: (actor) => needs().dispatchRules.sheetRows(actor),
      check: (actor, rows) => needs().dispatchRules.checkSheetRows(actor, rows),
      commit: (actor, rows) => needs().dispatchRules.commitSheetRows(actor, rows),
    }),
    registration_conditions: conditionsSheetSpec({
      rows: () => needs().conditionsSheet.sheetRows(),
      check: (rows) => needs().conditionsSheet.checkSheetRows(rows),
      commit: (actor, rows) => needs().conditionsSheet.commitSheetRows(actor, rows),
    }),
  };
  const service = createImportsService({
    db: p.db,
    clock: p.clock,
    audit: p.audit,
    specs: () => specs,
  });
  return {
    service,
    specs,
    routes: (app) => {
      registerImportsRoutes(app, service);
      registerConfigSheetRoutes(app, service);
    },
  };
}
