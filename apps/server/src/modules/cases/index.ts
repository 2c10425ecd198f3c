/** Cases (案件): intake, the supervision–handling workflow, step clocks and the event log. */
export {
  createCasesService,
  type CasesService,
  type CasesDeps,
  type GridPlace,
  type CaseChangedEvent,
} from './cases.service';
export { registerCasesRoutes } from './cases.routes';
export { casesModule, reportCaseWith, type ReportCase } from './cases.module';
