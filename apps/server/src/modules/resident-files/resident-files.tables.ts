/**
 * One 民情档案 entry: a 走访记录, 民情日志 or 社情民意 note about a household, a person or just a grid. Area codes are
 * copied from the house or person (or the grid) so lists filter on this table alone.
 */
export interface ResidentFilesTable {
  id: string;
  kind: string;
  at: string;
  house_id: string | null;
  person_id: string | null;
  /** What residents raised */
  raised: string;
  follow_up: string | null;
  status: string;
  admin_code: string;
  street_code: string;
  community_code: string;
  grid_code: string | null;
  /** JSON list of attachment ids */
  attachments: string;
  case_id: string | null;
  case_no: string | null;
  author_id: string;
  author_name: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ResidentFilesTables {
  resident_files: ResidentFilesTable;
}
