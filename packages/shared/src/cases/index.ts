export * from './case-states';
export * from './case-actions';
export * from './case-types';
export {
  INPUT_FIELD_LABELS,
  type InputField,
  type TransitionRow,
  type ClockMode,
  type VariantName,
} from './case-table';
export {
  STATE_GUARDS,
  INPUT_GUARDS,
  isHandlingDeptUser,
  isCaseHandler,
  type StateGuardName,
  type InputGuardName,
  type RuleContext,
} from './case-guards';
export { dispatchKind } from './case-effects';
export { ownerRoles } from './case-overlay-rows';
export {
  TRANSITIONS,
  rowsFor,
  transitionTargets,
  decide,
  allowedActions,
  decidableRequests,
} from './case-workflow';
export * from './case-next';
export * from './hotline-order';
export * from './case-intake';
export * from './case-apply';
export * from './case-workflow.schemas';
