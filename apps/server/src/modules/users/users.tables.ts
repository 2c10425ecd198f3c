export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  phone_enc: string | null;
  password_hash: string;
  /** Set for users of a 专业部门 */
  department_id: string | null;
  status: 'active' | 'disabled';
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}
export interface RolesTable {
  id: string;
  code: string;
  name: string;
  name_en: string;
  /** JSON array of permission names */
  permissions: string;
  builtin: number;
  created_at: string;
}
export interface UserRolesTable {
  user_id: string;
  role_id: string;
}
export interface UserAreasTable {
  user_id: string;
  area_code: string;
}
export interface UsersTables {
  users: UsersTable;
  roles: RolesTable;
  user_roles: UserRolesTable;
  user_areas: UserAreasTable;
}
