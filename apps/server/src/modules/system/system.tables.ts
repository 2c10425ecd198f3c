export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}
export interface SystemTables {
  settings: SettingsTable;
}
