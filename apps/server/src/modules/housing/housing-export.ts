import {
  HOUSE_OWNERSHIP_LABELS,
  HOUSE_USE_LABELS,
  HOUSES_EXPORT_MAX,
  maskName,
  RENT_PURPOSE_LABELS,
  type HouseExportQuery,
  type HouseOwnership,
  type HouseUse,
  type RentPurpose,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { FieldCipher } from '../../core/crypto';
import { AppError } from '../../core/errors';
import { exportInClear, watermarkedWorkbook, type ExportColumn } from '../../core/xlsx-export';
import type { AuditService } from '../audit';
import type { HouseFilter, HousingRepo } from './housing.repo';
import { fillMissingPhoneMasks } from './phone-mask-backfill';

interface Row {
  address: string;
  use: string;
  ownership: string;
  areaM2: number | null;
  certificateNo: string | null;
  landlordName: string | null;
  landlordPhone: string | null;
  rentPurpose: string | null;
  contract: string | null;
  communityCode: string;
  gridCode: string | null;
  updatedAt: string;
}

const COLUMNS: ExportColumn<Row>[] = [
  { header: '地址', key: 'address', width: 40 },
  { header: '房屋用途', key: 'use', width: 10 },
  { header: '产权类型', key: 'ownership', width: 10 },
  { header: '建筑面积', key: 'areaM2', width: 10 },
  { header: '产权证号', key: 'certificateNo', width: 18 },
  { header: '房主姓名', key: 'landlordName', width: 12 },
  { header: '房主电话', key: 'landlordPhone', width: 16 },
  { header: '租赁用途', key: 'rentPurpose', width: 10 },
  { header: '租赁期限', key: 'contract', width: 24 },
  { header: '社区编码', key: 'communityCode', width: 16 },
  { header: '网格编码', key: 'gridCode', width: 18 },
  { header: '更新时间', key: 'updatedAt', width: 22 },
];

/** 实有房屋 as xlsx: landlords masked unless a holder of registry.export gives a reason; every export audited. */
export async function exportHouses(
  deps: {
    repo: HousingRepo;
    cipher: FieldCipher;
    audit: Pick<AuditService, 'record'>;
    now: () => string;
  },
  actor: Actor,
  q: HouseExportQuery,
  filter: HouseFilter,
  ip: string | null,
): Promise<{ fileName: string; content: Buffer; rows: number }> {
  const { reason, ...query } = q;
  const unmasked = exportInClear(actor, reason);
  const found = await deps.repo.list(actor.scope, filter, {
    limit: HOUSES_EXPORT_MAX + 1,
    offset: 0,
  });
  if (found.length > HOUSES_EXPORT_MAX)
    throw new AppError(
      'validation_failed',
      `导出结果超过 ${HOUSES_EXPORT_MAX} 条，请缩小筛选范围`,
      { field: 'areaCode' },
    );
  // The masked sheet reads the stored masks; only the full one (registry.export) decrypts, as it must.
  const rows = unmasked ? found : await fillMissingPhoneMasks(deps, found);
  const out: Row[] = rows.map((r) => ({
    address: r.full_address,
    use: HOUSE_USE_LABELS[r.use as HouseUse]?.zh ?? r.use,
    ownership: HOUSE_OWNERSHIP_LABELS[r.ownership as HouseOwnership]?.zh ?? r.ownership,
    areaM2: r.area_m2,
    certificateNo: r.certificate_no,
    landlordName: r.landlord_name ? (unmasked ? r.landlord_name : maskName(r.landlord_name)) : null,
    landlordPhone: unmasked
      ? r.landlord_phone_enc
        ? deps.cipher.decrypt(r.landlord_phone_enc)
        : null
      : r.landlord_phone_masked,
    rentPurpose: r.rent_purpose
      ? (RENT_PURPOSE_LABELS[r.rent_purpose as RentPurpose]?.zh ?? r.rent_purpose)
      : null,
    contract:
      r.contract_start || r.contract_end
        ? `${r.contract_start ?? ''} ~ ${r.contract_end ?? ''}`
        : null,
    communityCode: r.community_code,
    gridCode: r.grid_code,
    updatedAt: r.updated_at,
  }));
  const at = deps.now();
  const watermark = `实有房屋导出 · ${actor.displayName}（${actor.username}）· ${at} · ${unmasked ? '含完整个人信息，严禁外传' : '已脱敏'}`;
  const content = await watermarkedWorkbook('实有房屋', COLUMNS, out, watermark);
  await deps.audit.record({
    action: 'registry_exported',
    actor,
    targetType: 'house',
    ip,
    detail: { filter: query, rows: out.length, unmasked, ...(unmasked ? { reason } : {}) },
  });
  return { fileName: `houses-${at.slice(0, 10)}.xlsx`, content, rows: out.length };
}
