export interface AreasTable {
  id: string;
  code: string;
  name: string;
  level: 'district' | 'street' | 'community' | 'grid';
  parent_code: string | null;
  grid_type: 'unit' | 'micro' | 'dedicated' | null;
  grid_scheme: 'cjt213' | 'gbt47678' | 'db11' | null;
  /** GeoJSON Polygon or MultiPolygon in WGS84, as text */
  geometry: string;
  min_x: number;
  min_y: number;
  max_x: number;
  max_y: number;
  center_x: number;
  center_y: number;
  area_km2: number;
  version: number;
  valid_from: string;
  /** null for the current version */
  valid_to: string | null;
  created_at: string;
}
export interface GridStaffTable {
  id: string;
  area_code: string;
  user_id: string;
  role:
    | 'gridLeader'
    | 'gridAdministrator'
    | 'residentInformant'
    | 'gridPoliceOfficer'
    | 'gridSupervisor';
  valid_from: string;
  valid_to: string | null;
}
export interface AreasTables {
  areas: AreasTable;
  grid_staff: GridStaffTable;
}
