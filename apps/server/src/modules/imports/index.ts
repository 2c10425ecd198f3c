/** Spreadsheet import of the registries: templates, dry run with a row-by-row report, all-or-nothing commit. */
export { createImportsService, type ImportsService } from './imports.service';
export { registerImportsRoutes } from './imports.routes';
export type {
  ImportSpec,
  ImportColumn,
  AnyImportSpec,
  CellProblem,
  ParsedRow,
} from './import-spec';
export { personsImportSpec } from './specs/persons-import.spec';
export { housesImportSpec } from './specs/houses-import.spec';
export { unitsImportSpec } from './specs/units-import.spec';
export { importsModule } from './imports.module';
