/** 工作监督: the supervision board, 我的督办, and the escalation of unanswered 督办 (docs/supervision.md). */
export { createSupervisionService, type SupervisionService } from './supervision.service';
export { registerSupervisionRoutes } from './supervision.routes';
export { supervisionModule } from './supervision.module';
