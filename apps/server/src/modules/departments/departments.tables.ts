export interface DepartmentsTable {
  id: string;
  code: string;
  name: string;
  credit_code: string | null;
  area_code: string;
  created_at: string;
  updated_at: string;
}
export interface DepartmentsTables {
  departments: DepartmentsTable;
}
