import {
  DATA_STATE_LABELS,
  HOUSEHOLD_STATUS_LABELS,
  PERSON_GENDER_LABELS,
  PERSON_ID_TYPE_LABELS,
  PERSON_STATUS_LABELS,
  POPULATION_TYPE_LABELS,
  type DataState,
  type HouseholdStatus,
  type PersonGender,
  type PersonIdType,
  type PersonStatus,
  type PopulationType,
} from '@wangge/shared';
import { watermarkedWorkbook, type ExportColumn } from '../../core/xlsx-export';

/** One exported person, already masked or unmasked by the caller. */
export interface ExportRow {
  name: string;
  gender: string | null;
  birthDate: string | null;
  ethnicity: string | null;
  idType: string;
  idNumber: string;
  phone: string | null;
  populationType: string;
  householdStatus: string | null;
  registeredPlace: string | null;
  community: string;
  grid: string | null;
  status: string;
  dataState: string;
  updatedAt: string;
}

const COLUMNS: ExportColumn<ExportRow>[] = [
  { header: '姓名', key: 'name', width: 12 },
  { header: '性别', key: 'gender', width: 6 },
  { header: '出生日期', key: 'birthDate', width: 12 },
  { header: '民族', key: 'ethnicity', width: 8 },
  { header: '证件类型', key: 'idType', width: 12 },
  { header: '证件号码', key: 'idNumber', width: 22 },
  { header: '联系电话', key: 'phone', width: 16 },
  { header: '人口类型', key: 'populationType', width: 12 },
  { header: '人户状态', key: 'householdStatus', width: 14 },
  { header: '户籍地', key: 'registeredPlace', width: 24 },
  { header: '社区', key: 'community', width: 16 },
  { header: '网格', key: 'grid', width: 16 },
  { header: '状态', key: 'status', width: 8 },
  { header: '数据状态', key: 'dataState', width: 10 },
  { header: '更新时间', key: 'updatedAt', width: 22 },
];

/** Stored identifiers → the Chinese labels a reader of the sheet expects. */
export const exportLabels = {
  gender: (v: string | null) => (v ? (PERSON_GENDER_LABELS[v as PersonGender]?.zh ?? v) : null),
  idType: (v: string) => PERSON_ID_TYPE_LABELS[v as PersonIdType]?.zh ?? v,
  populationType: (v: string) => POPULATION_TYPE_LABELS[v as PopulationType]?.zh ?? v,
  householdStatus: (v: string | null) =>
    v ? (HOUSEHOLD_STATUS_LABELS[v as HouseholdStatus]?.zh ?? v) : null,
  status: (v: string) => PERSON_STATUS_LABELS[v as PersonStatus]?.zh ?? v,
  dataState: (v: string) => DATA_STATE_LABELS[v as DataState]?.zh ?? v,
};

/** The workbook of a persons export (watermarked; see core/xlsx-export.ts). */
export function personsWorkbook(rows: ExportRow[], watermark: string): Promise<Buffer> {
  return watermarkedWorkbook('实有人口', COLUMNS, rows, watermark);
}
