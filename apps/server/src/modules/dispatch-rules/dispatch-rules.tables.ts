export interface DispatchRulesTable {
  id: string;
  /** A case class code, or a shorter category code acting as a wildcard for everything below it. */
  class_code: string;
  /** Area code prefix: the rule applies to the whole subtree. */
  area_code: string;
  /** Lineage id of a registration condition, or null for any condition. */
  condition_id: string | null;
  department_id: string;
  role: string;
  priority: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface DispatchRulesTables {
  dispatch_rules: DispatchRulesTable;
}
