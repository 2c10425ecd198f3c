/**
 * One node of the 标准地址 tree (街巷 → 门牌 → 小区 → 楼栋 → 单元 → 楼层 → 户室). The path's names are denormalised
 * into full_name and search_text so that search and listing never walk the tree.
 */
export interface AddressesTable {
  id: string;
  parent_id: string | null;
  /** parent_id, or "root:" + admin code for a 街巷: siblings share it, so (parent_key, name_key) is unique. */
  parent_key: string;
  level: string;
  /** As entered, cleaned (NFKC, whitespace collapsed). */
  name: string;
  /** Search form of the name (no spaces, lower case): sibling uniqueness and find-or-create compare it. */
  name_key: string;
  /** name_key with digit runs zero-padded, so children list 2号 before 10号. */
  sort_key: string;
  full_name: string;
  /** Concatenated name_keys of the path; LIKE '%token%' searches it. */
  search_text: string;
  /** JSON array of { name, until }: names before each rename. */
  former_names: string;
  lng: number | null;
  lat: number | null;
  admin_code: string;
  street_code: string | null;
  community_code: string | null;
  /** Null when the node is filed at a coarser area (a 街巷 crossing grids). */
  grid_code: string | null;
  /** The most precise of the four codes: where the node is filed. */
  place_code: string;
  /** JSON object of 楼栋 attributes, level building only. */
  building_info: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AddressesTables {
  addresses: AddressesTable;
}
