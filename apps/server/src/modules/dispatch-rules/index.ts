/**
 * 派遣矩阵 (dispatch matrix): rules naming the department for a class × area, and `suggest`, which the case
 * engine calls to propose the department for a case.
 */
export {
  createDispatchRulesService,
  type DispatchRulesService,
  type SuggestInput,
} from './dispatch-rules.service';
export { registerDispatchRulesRoutes } from './dispatch-rules.routes';
export { dispatchRulesModule } from './dispatch-rules.module';
