import type { ImportProblem } from '@wangge/shared';
import { planImport, type ImportContext, type ImportPlan } from './area-import';
import { parseFeatures, type ParseOptions, type ParsedArea } from './import-features';

/** The CPU-heavy steps of an area import, as messages a worker thread can run (plain, cloneable data). */
export type ImportTask =
  | { kind: 'parse'; geojson: unknown; opts: ParseOptions }
  | { kind: 'plan'; areas: ParsedArea[]; errors: ImportProblem[]; ctx: ImportContext };

export type ImportTaskResult<T extends ImportTask> = T extends { kind: 'parse' }
  ? ReturnType<typeof parseFeatures>
  : ImportPlan;

export function runImportTask(task: ImportTask): ReturnType<typeof parseFeatures> | ImportPlan {
  return task.kind === 'parse'
    ? parseFeatures(task.geojson, task.opts)
    : planImport(task.areas, task.errors, task.ctx);
}
