import {
  CreatePersonRequestSchema,
  HOUSEHOLD_STATUS_LABELS,
  HOUSEHOLDER_RELATION_LABELS,
  PERSON_GENDER_LABELS,
  PERSON_ID_TYPE_LABELS,
  POPULATION_TYPE_LABELS,
  RESIDENCE_TYPE_LABELS,
  type CreatePersonRequest,
} from '@wangge/shared';
import type { Actor } from '../../../core/auth/actor';
import type { CellProblem, ImportSpec } from '../import-spec';
import { choice, dateCell, orNull, validateWith } from './spec-helpers';

export interface PersonsImportDeps {
  /** Every problem of every row (ID rules, duplicates here or elsewhere, scope), by row index and request field. */
  check(
    actor: Actor,
    rows: CreatePersonRequest[],
  ): Promise<{ index: number; field: string; message: string }[]>;
  /** All rows in one transaction, matched on the document number. */
  commit(
    actor: Actor,
    rows: CreatePersonRequest[],
  ): Promise<{ created: number; updated: number; unchanged: number }>;
  /** House ids of full 户室 addresses the actor may see (absent = not found). */
  housesByAddress(actor: Actor, addresses: string[]): Promise<Map<string, string>>;
}

type Row = CreatePersonRequest & { address?: string };

const idType = choice(PERSON_ID_TYPE_LABELS, {
  身份证: 'resident_id',
  居民身份证号码: 'resident_id',
});
const populationType = choice(POPULATION_TYPE_LABELS);
const householdStatus = choice(HOUSEHOLD_STATUS_LABELS);
const relation = choice(HOUSEHOLDER_RELATION_LABELS, {
  户主: 'self',
  祖父母: 'grandparent',
  外祖父母: 'grandparent',
  孙子女: 'grandchild',
});
const residenceType = choice(RESIDENCE_TYPE_LABELS, { 租赁: 'rent', 自住: 'own' });
const gender = choice(PERSON_GENDER_LABELS);

// Request fields whose column differs from the field name.
const FIELD_COLUMN: Record<string, string> = { houseId: 'address' };

/** 实有人口 import: the template's columns and how a row becomes a person registration. */
export function personsImportSpec(deps: PersonsImportDeps): ImportSpec<Row> {
  return {
    kind: 'persons',
    title: '实有人口',
    keyColumn: 'idNumber',
    columns: [
      { key: 'name', header: '姓名', required: true, example: '张三' },
      {
        key: 'idType',
        header: '证件类型',
        note: '居民身份证（默认）、护照、其他证件',
        example: '居民身份证',
      },
      {
        key: 'idNumber',
        sensitive: 'id',
        header: '证件号码',
        required: true,
        note: '18 位身份证号码（末位可为 X；15 位旧号自动升位）。请将该列设为文本格式',
        example: '11010519491231002X',
      },
      {
        key: 'gender',
        header: '性别',
        note: '身份证号码可推出，其他证件必填：男、女',
        example: '',
      },
      {
        key: 'birthDate',
        sensitive: 'birthDate',
        header: '出生日期',
        note: '身份证号码可推出，其他证件必填',
        example: '',
      },
      { key: 'ethnicity', header: '民族', example: '汉族' },
      { key: 'phone', sensitive: 'phone', header: '联系电话', example: '13800001111' },
      {
        key: 'populationType',
        header: '人口类型',
        required: true,
        note: '户籍人口、流动人口、未落户人口、境外人员',
        example: '户籍人口',
      },
      {
        key: 'householdStatus',
        header: '人户状态',
        note: '人户一致、人在户不在、户在人不在',
        example: '人户一致',
      },
      { key: 'registeredPlace', header: '户籍地', example: '河南省郑州市金水区' },
      { key: 'nationality', header: '国籍', note: '境外人员必填', example: '' },
      {
        key: 'areaCode',
        header: '所在网格编码',
        note: '无房屋地址时必填：社区（12 位）或网格编码',
        example: '41019900100101',
      },
      {
        key: 'address',
        header: '现住房屋地址',
        note: '已登记的实有房屋完整地址，如 金水路12号3号楼3单元502室',
        example: '',
      },
      { key: 'relation', header: '与户主关系', note: '本人、配偶、子女、父母…', example: '本人' },
      { key: 'residenceType', header: '居住类型', note: '自有、租住、借住、其他', example: '自有' },
      { key: 'movedInAt', header: '入住日期', example: '2020-05-01' },
    ],
    parse(c) {
      const p: CellProblem[] = [];
      const candidate = {
        name: c.name,
        idType: idType(c.idType ?? '', 'idType', p) ?? 'resident_id',
        idNumber: c.idNumber,
        gender: gender(c.gender ?? '', 'gender', p),
        birthDate: dateCell(c.birthDate ?? '', 'birthDate', p),
        ethnicity: orNull(c.ethnicity ?? ''),
        phone: orNull(c.phone ?? ''),
        populationType: populationType(c.populationType ?? '', 'populationType', p),
        householdStatus: householdStatus(c.householdStatus ?? '', 'householdStatus', p) ?? null,
        registeredPlace: orNull(c.registeredPlace ?? ''),
        nationality: orNull(c.nationality ?? ''),
        relation: relation(c.relation ?? '', 'relation', p) ?? null,
        residenceType: residenceType(c.residenceType ?? '', 'residenceType', p),
        movedInAt: dateCell(c.movedInAt ?? '', 'movedInAt', p),
        areaCode: c.areaCode || undefined,
        // A placeholder until `check` resolves the address to its house.
        houseId: c.address ? 'pending' : undefined,
      };
      const row = validateWith(
        CreatePersonRequestSchema,
        candidate,
        p,
        (path) => FIELD_COLUMN[String(path[0])] ?? String(path[0] ?? 'name'),
      );
      return row
        ? { row: { ...row, ...(c.address ? { address: c.address } : {}) } }
        : { problems: p };
    },
    key: (r) => `${r.idType}:${r.idNumber.toUpperCase()}`,
    async check(actor, rows) {
      const addresses = [...new Set(rows.flatMap((r) => (r.address ? [r.address] : [])))];
      const houses = addresses.length
        ? await deps.housesByAddress(actor, addresses)
        : new Map<string, string>();
      const problems: { index: number; column: string; problem: string }[] = [];
      rows.forEach((r, index) => {
        if (!r.address) return;
        const id = houses.get(r.address);
        if (id) r.houseId = id;
        else
          problems.push({
            index,
            column: 'address',
            problem: '未找到该房屋（请先登记或导入实有房屋，地址须与登记的完整地址一致）',
          });
      });
      // A Set, not a scan of the problems per row: a file of 100,000 unknown addresses would be quadratic.
      const unknown = new Set(problems.map((p) => p.index));
      const ok = rows.map((r, i) => ({ r, i })).filter(({ i }) => !unknown.has(i));
      const found = await deps.check(
        actor,
        ok.map(({ r }) => r),
      );
      for (const f of found)
        problems.push({
          index: ok[f.index]!.i,
          column: FIELD_COLUMN[f.field] ?? f.field,
          problem: f.message,
        });
      return problems;
    },
    // `address` was resolved to houseId by check; the population module reads request fields only, so the rows go
    // as they are rather than as a 100,000-object copy without it.
    commit: (actor, rows) => deps.commit(actor, rows),
  };
}
