/** Cases (案件): intake, the supervision–handling workflow, step clocks and the event log. */
export {
  createCasesService,
  type CasesService,
  type CasesDeps,
  type GridPlace,
  type CaseChangedEvent,
  type SupervisionDigest,
} from './cases.service';
export type { ScreenFacts, ScreenFactsQuery } from './case-screen';
export type { FeedCase, FeedEvent, FeedFilter } from './case-feed';
export { registerCasesRoutes } from './cases.routes';
export type { CaseLog } from './cases-context';
export { casesModule, reportCaseWith, type ReportCase } from './cases.module';
