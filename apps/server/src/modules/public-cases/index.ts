/** 市民上报 and 查询 without an account: receipts (查询码 + 查询密码), the citizen view, 评价 and 申请重开. */
export { citizenActor } from './citizen-actor';
// What of a case is public, for other public interfaces (Open311): its milestones, and which classes hide the place.
export { milestones } from './public-case-view';
export { isSensitiveClass, type ClassForPolicy } from './sensitive-classes';
export {
  createPublicCasesService,
  type PublicCasesService,
  type PublicCasesDeps,
} from './public-cases.service';
export { registerPublicCasesRoutes } from './public-cases.routes';
export { publicCasesModule, publicCasesEncryptedColumns } from './public-cases.module';
