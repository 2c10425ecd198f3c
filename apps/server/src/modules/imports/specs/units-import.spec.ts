import {
  CreateUnitRequestSchema,
  FOCUS_TAG_LABELS,
  UNIT_STATUS_LABELS,
  UNIT_TYPE_LABELS,
  type CreateUnitRequest,
  type FocusTag,
} from '@wangge/shared';
import type { Actor } from '../../../core/auth/actor';
import type { CellProblem, ImportSpec } from '../import-spec';
import { choice, orNull, validateWith } from './spec-helpers';

export interface UnitsImportDeps {
  check(
    actor: Actor,
    rows: CreateUnitRequest[],
  ): Promise<{ index: number; field: string; message: string }[]>;
  commit(
    actor: Actor,
    rows: CreateUnitRequest[],
  ): Promise<{ created: number; updated: number; unchanged: number }>;
}

const unitType = choice(UNIT_TYPE_LABELS, {
  党政机关单位: 'party_government',
  危化品单位: 'hazardous_chemicals',
  个体户: 'individual_business',
});
const focusTag = choice(FOCUS_TAG_LABELS, {
  安全生产: 'work_safety',
  消防安全: 'fire_safety',
  治安: 'public_security',
});
const unitStatus = choice(UNIT_STATUS_LABELS, {
  营业: 'operating',
  正常: 'operating',
  关闭: 'closed',
  注销: 'closed',
});

function numberCell(
  text: string,
  column: string,
  p: CellProblem[],
  integer = false,
): number | undefined {
  if (text === '') return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    p.push({ column, problem: integer ? '应为整数' : '应为数字' });
    return undefined;
  }
  return n;
}

// Request fields reported on another column: a location problem belongs to the coordinates.
const FIELD_COLUMN: Record<string, string> = { lat: 'lat', crs: 'lng', addressId: 'address' };

/** 实有单位 import: one unit per row, matched on 统一社会信用代码 (else 注册号); located by its coordinates. */
export function unitsImportSpec(deps: UnitsImportDeps): ImportSpec<CreateUnitRequest> {
  return {
    kind: 'units',
    title: '实有单位',
    keyColumn: 'creditCode',
    columns: [
      { key: 'name', header: '单位名称', required: true, example: '郑州市某某餐饮有限公司' },
      {
        key: 'creditCode',
        header: '统一社会信用代码',
        note: '18 位，校验位会被核对；个体工商户无代码时填注册号',
        example: '91410105MA12345ABX',
      },
      { key: 'registrationNo', header: '注册号', example: '' },
      {
        key: 'unitType',
        header: '单位类型',
        required: true,
        note: '党政机关、学校、医院、企业、个体工商户、危化品存放单位、社会组织、其他',
        example: '企业',
      },
      {
        key: 'focusTags',
        header: '重点标签',
        note: '多个用顿号或逗号分隔：安全生产重点、消防安全重点、治安重点、污染源、规上企业、规下企业',
        example: '消防安全重点',
      },
      { key: 'industry', header: '行业', example: '餐饮' },
      { key: 'address', header: '地址', required: true, example: '金水路12号' },
      { key: 'lng', header: '经度', required: true, note: 'WGS84（GPS）经度', example: '113.6655' },
      { key: 'lat', header: '纬度', required: true, note: 'WGS84（GPS）纬度', example: '34.7566' },
      { key: 'legalRepName', header: '法定代表人', example: '' },
      { key: 'legalRepPhone', sensitive: 'phone', header: '法定代表人电话', example: '' },
      { key: 'contactName', header: '联系人', example: '' },
      { key: 'contactPhone', sensitive: 'phone', header: '联系电话', example: '' },
      { key: 'employeeCount', header: '从业人数', example: '12' },
      { key: 'status', header: '经营状态', note: '在营（默认）、已关闭', example: '在营' },
    ],
    parse(c) {
      const p: CellProblem[] = [];
      const tags = (c.focusTags ?? '')
        .split(/[、,，;；\s]+/)
        .filter(Boolean)
        .map((t) => focusTag(t, 'focusTags', p))
        .filter((t): t is FocusTag => Boolean(t));
      const candidate = {
        name: c.name,
        creditCode: orNull(c.creditCode ?? ''),
        registrationNo: orNull(c.registrationNo ?? ''),
        unitType: unitType(c.unitType ?? '', 'unitType', p),
        focusTags: [...new Set(tags)],
        industry: orNull(c.industry ?? ''),
        address: c.address,
        lng: numberCell(c.lng ?? '', 'lng', p),
        lat: numberCell(c.lat ?? '', 'lat', p),
        legalRepName: orNull(c.legalRepName ?? ''),
        legalRepPhone: orNull(c.legalRepPhone ?? ''),
        contactName: orNull(c.contactName ?? ''),
        contactPhone: orNull(c.contactPhone ?? ''),
        employeeCount: numberCell(c.employeeCount ?? '', 'employeeCount', p, true) ?? null,
        status: unitStatus(c.status ?? '', 'status', p),
      };
      if (candidate.lng === undefined && !p.some((x) => x.column === 'lng'))
        p.push({ column: 'lng', problem: '请填写经纬度' });
      const row = validateWith(
        CreateUnitRequestSchema,
        candidate,
        p,
        (path) => FIELD_COLUMN[String(path[0])] ?? String(path[0] ?? 'name'),
      );
      return row ? { row } : { problems: p };
    },
    key: (r) =>
      r.creditCode
        ? `c:${r.creditCode.toUpperCase()}`
        : r.registrationNo
          ? `r:${r.registrationNo}`
          : `n:${r.name}:${r.address ?? ''}`,
    async check(actor, rows) {
      return (await deps.check(actor, rows)).map((f) => ({
        index: f.index,
        column: FIELD_COLUMN[f.field] ?? f.field,
        problem: f.message,
      }));
    },
    commit: (actor, rows) => deps.commit(actor, rows),
  };
}
