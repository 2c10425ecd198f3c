import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SheetImportReport } from '@wangge/shared';
import { CITY, seedCity, userSession, type Session } from '../../../test/factories';
import { createTestApp, TEST_DB_KIND, type TestApp } from '../../../test/test-app';
import { sheetRows, uploadSheet, xlsxOf } from '../imports/imports.test-util';
import { countCandidates, type VisibleIdentity } from './id-candidates.test-util';
import { residentId } from './population.test-util';
import { expectRefusal } from '../../../test/refusal';

// Issue 9, finding 1: nothing a role without personal.unmask receives, and nothing stored in clear, may narrow a
// document number to fewer than 1,000 candidates. Each source an attacker has is turned into what it shows, and the
// numbers consistent with that are counted (the region code taken as known: the address or 户籍地 gives it).

const MIN_CANDIDATES = 1_000;

interface Subject {
  key: string;
  name: string;
  idType: 'resident_id' | 'passport' | 'other';
  number: string;
  birthDate: string;
  body: Record<string, unknown>;
}

const RESIDENT = residentId('19751231', 456);
const SUBJECTS: Subject[] = [
  // A 流动人口 whose 居住证号码 is the ID number itself, as it is in many cities.
  {
    key: 'resident_id',
    name: '赵六一',
    idType: 'resident_id',
    number: RESIDENT,
    birthDate: '1975-12-31',
    body: { populationType: 'floating', details: { residencePermitNo: RESIDENT } },
  },
  {
    key: '台湾居民居住证',
    name: '林七二',
    idType: 'resident_id',
    number: residentId('19880305', 371, '830000'),
    birthDate: '1988-03-05',
    body: { populationType: 'floating' },
  },
  {
    key: '外国人永久居留身份证',
    name: 'Anna Berg',
    idType: 'resident_id',
    number: residentId('19790616', 222, '911840'),
    birthDate: '1979-06-16',
    body: { populationType: 'foreign', nationality: '美国' },
  },
  {
    key: 'passport',
    name: 'John Smith',
    idType: 'passport',
    number: 'E12345678',
    birthDate: '1985-05-05',
    body: {
      populationType: 'foreign',
      nationality: '英国',
      gender: 'male',
      birthDate: '1985-05-05',
    },
  },
  {
    key: 'other (旧版永久居留证)',
    name: 'Karl Ek',
    idType: 'other',
    number: 'USA123456789012',
    birthDate: '1990-02-03',
    body: {
      populationType: 'foreign',
      nationality: '瑞典',
      gender: 'female',
      birthDate: '1990-02-03',
    },
  },
];

let t: TestApp;
let worker: Session;
let leader: Session;
const ids = new Map<string, string>();
const createdOn = new Map<string, string>();
const counts: Record<string, Record<string, number>> = {};

const structured = (s: Subject) => s.idType === 'resident_id';
const compact = (date: string) => date.replaceAll('-', '');

function visible(
  s: Subject,
  shown: Omit<VisibleIdentity, 'structured' | 'region' | 'notAfter'>,
): VisibleIdentity {
  return {
    ...shown,
    structured: structured(s),
    region: s.number.slice(0, 6),
    notAfter: createdOn.get(s.key)!,
  };
}

/** Counts, records the figure for the report, and checks the rule. */
function expectHidden(source: string, s: Subject, v: VisibleIdentity) {
  const n = countCandidates(v);
  (counts[s.key] ??= {})[source] = n;
  expect(n, `${source}: ${s.key} narrowed to ${n} candidates`).toBeGreaterThanOrEqual(
    MIN_CANDIDATES,
  );
}

/** No form of the full birth date or the number appears in a text an attacker holds. */
function expectNoFullValues(source: string, text: string) {
  for (const s of SUBJECTS) {
    for (const secret of [s.number, s.birthDate, compact(s.birthDate)])
      expect(text.includes(secret), `${source} holds ${secret}`).toBe(false);
  }
}

async function rawRow(id: string) {
  return t.services.db
    .selectFrom('persons')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

function checkRawRow(source: string, s: Subject, row: Awaited<ReturnType<typeof rawRow>>) {
  expect(row.birth_date).toBeNull();
  expectNoFullValues(source, JSON.stringify(row));
  expectHidden(
    source,
    s,
    visible(s, { masked: row.id_masked, birthYear: row.birth_year, gender: row.gender }),
  );
  const permit = JSON.parse(row.details).residencePermitNo as string | undefined;
  if (permit)
    expectHidden(
      `${source}: 居住证号码`,
      s,
      visible(s, { masked: permit, birthYear: row.birth_year, gender: row.gender }),
    );
}

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  worker = await userSession(t, {
    username: 'worker',
    roles: ['grid_administrator'],
    areaCodes: [CITY.communityW],
  });
  leader = await userSession(t, {
    username: 'leader',
    roles: ['community_leader'],
    areaCodes: [CITY.communityW],
  });
  for (const s of SUBJECTS) {
    const res = await worker.post('/api/persons', {
      name: s.name,
      idType: s.idType,
      idNumber: s.number,
      areaCode: CITY.gridA,
      phone: '13812345678',
      ...s.body,
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.set(s.key, res.json().id);
    createdOn.set(s.key, res.json().createdAt.slice(0, 10));
  }
});
afterAll(async () => {
  // The figures quoted in the report and docs/security.md.
  console.info(`ID candidates per source: ${JSON.stringify(counts, null, 1)}`);
  await t.close();
});

describe('a document number cannot be rebuilt without unmasking', () => {
  it('counts for real: the old mask beside the birth date left exactly one number', () => {
    const s = SUBJECTS[0]!;
    expect(
      countCandidates({
        masked: `410101********${RESIDENT.slice(-4)}`,
        structured: true,
        region: '410101',
        birthDate: s.birthDate,
        gender: 'female',
        notAfter: '2026-12-07',
      }),
    ).toBe(1);
    // The mask shown today, with the year and gender in clear: every day of 1975 × the 500 even sequences.
    expect(
      countCandidates({
        masked: '410101************',
        structured: true,
        region: '410101',
        birthYear: 1975,
        gender: 'female',
        notAfter: '2026-12-07',
      }),
    ).toBe(365 * 500);
  });

  it('in the list, the detail and the masked export a role without personal.unmask receives', async () => {
    const list = await worker.get('/api/persons?limit=50');
    expect(list.statusCode).toBe(200);
    expectNoFullValues('list', list.body);
    const exported = await worker.get(`/api/persons/export?areaCode=${CITY.communityW}`);
    expect(exported.statusCode).toBe(200);
    const rows = await sheetRows(exported.rawPayload);
    expectNoFullValues('export', JSON.stringify(rows));
    const header = rows[1]!;
    const col = (name: string) => header.indexOf(name);
    for (const s of SUBJECTS) {
      const detail = await worker.get(`/api/persons/${ids.get(s.key)}`);
      expectNoFullValues('detail', detail.body);
      const d = detail.json();
      expect(d).not.toHaveProperty('birthDate');
      expectHidden(
        'detail',
        s,
        visible(s, { masked: d.idNumber, birthYear: d.birthYear, gender: d.gender }),
      );
      if (d.details.residencePermitNo)
        expectHidden(
          'detail: 居住证号码',
          s,
          visible(s, {
            masked: d.details.residencePermitNo,
            birthYear: d.birthYear,
            gender: d.gender,
          }),
        );
      const item = list.json().items.find((i: { id: string }) => i.id === ids.get(s.key));
      expectHidden(
        'list',
        s,
        visible(s, { masked: item.idNumber, birthYear: item.birthYear, gender: item.gender }),
      );
      const row = rows.find(
        (r) =>
          r[col('证件类型')] &&
          r[col('证件号码')] === d.idNumber &&
          r[col('姓名')]![0] === s.name[0],
      )!;
      expect(row[col('出生日期')]).toBe(`${s.birthDate.slice(0, 4)}-**-**`);
      expectHidden(
        'export',
        s,
        visible(s, {
          masked: row[col('证件号码')]!,
          birthDate: row[col('出生日期')],
          gender:
            s.idType === 'resident_id' ? (Number(s.number[16]) % 2 ? 'male' : 'female') : d.gender,
        }),
      );
    }
  });

  it('in the row-by-row import report', async () => {
    const headers = [
      '姓名',
      '证件类型',
      '证件号码',
      '性别',
      '出生日期',
      '人口类型',
      '国籍',
      '所在网格编码',
    ];
    const typeLabel = { resident_id: '居民身份证', passport: '护照', other: '其他证件' } as const;
    const line = (s: Subject) => [
      s.name,
      typeLabel[s.idType],
      s.number,
      s.idType === 'resident_id' ? '' : '男',
      s.idType === 'resident_id' ? '' : s.birthDate,
      '流动人口',
      '某国',
      CITY.gridA,
    ];
    // Each row twice: the second is reported with the document number; a wrong birth date is reported too.
    const file = await xlsxOf(headers, [
      ...SUBJECTS.map(line),
      ...SUBJECTS.map(line),
      ['周九', '护照', 'G7654321', '男', '1985-02-30', '境外人员', '某国', CITY.gridA],
    ]);
    const res = await uploadSheet(t, worker, 'persons', file, 'dry-run');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as SheetImportReport;
    expectNoFullValues('import report', res.body);
    expect(report.problems.find((p) => p.column === '出生日期')).toMatchObject({
      row: 12,
      value: '1985-**-**',
    });
    expect(res.body).not.toContain('1985-02-30');
    for (const s of SUBJECTS) {
      const p = report.problems.find(
        (x) =>
          x.column === '证件号码' &&
          x.problem.includes('重复') &&
          x.value.startsWith(s.number.slice(0, Math.max(0, Math.min(6, s.number.length - 12)))) &&
          x.value.length === s.number.length,
      );
      expect(p, s.key).toBeDefined();
      const year = Number(s.birthDate.slice(0, 4));
      expectHidden(
        'import report',
        s,
        visible(s, { masked: p!.value, birthYear: year, gender: null }),
      );
    }
    const stored = await t.services.db.selectFrom('import_jobs').select('problems').execute();
    expectNoFullValues('stored import report', JSON.stringify(stored));
  });

  it(`in the stored row and the database file (${TEST_DB_KIND})`, async () => {
    for (const s of SUBJECTS) checkRawRow('raw row', s, await rawRow(ids.get(s.key)!));
    if (TEST_DB_KIND === 'sqlite' && t.config.database.kind === 'sqlite') {
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(t.services.db);
      const bytes = readFileSync(t.config.database.file);
      for (const s of SUBJECTS)
        for (const secret of [s.number, s.birthDate, compact(s.birthDate)])
          expect(bytes.includes(Buffer.from(secret)), `file holds ${secret}`).toBe(false);
      expect(bytes.includes(Buffer.from('赵六一'))).toBe(true);
    }
  });

  it('reveals the birth date and 居住证号码 only through the audited unmask', async () => {
    const id = ids.get('resident_id')!;
    expectRefusal(
      await worker.post(`/api/persons/${id}/unmask`, {
        reason: '核对身份',
        fields: ['birthDate'],
      }),
      { status: 403, code: 'forbidden' },
    );
    const res = await leader.post(`/api/persons/${id}/unmask`, {
      reason: '办理居住证核对',
      fields: ['birthDate', 'residencePermitNo'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ birthDate: '1975-12-31', residencePermitNo: RESIDENT });
    const [entry] = (await t.services.audit.list({ action: 'personal_data_viewed', limit: 5 })) as {
      targetId: string | null;
      detail: Record<string, unknown>;
    }[];
    expect(entry).toMatchObject({
      targetId: id,
      detail: { fields: ['birthDate', 'residencePermitNo'], reason: '办理居住证核对' },
    });
    // Saving the form with the masks it was shown keeps the stored values.
    const before = await rawRow(id);
    const shown = (await leader.get(`/api/persons/${id}`)).json();
    const saved = await leader.patch(`/api/persons/${id}`, {
      version: shown.version,
      details: shown.details,
    });
    expect(saved.json().version).toBe(shown.version);
    expect((await rawRow(id)).permit_no_enc).toBe(before.permit_no_enc);
  });
});

describe('an upgraded database: rows written before the rule are sealed at start-up', () => {
  const OLD_ID = residentId('19620704', 135);
  const OLD_MASK = `410101********${OLD_ID.slice(-4)}`;
  const OLD: Subject = {
    key: 'upgraded',
    name: '钱老',
    idType: 'resident_id',
    number: OLD_ID,
    birthDate: '1962-07-04',
    body: {},
  };
  let u: TestApp;
  let uLeader: Session;

  beforeAll(async () => {
    const at = '2026-11-30T02:00:00.000Z';
    // The database as the release before 2026-12-07T1010 left it: a clear birth date, the old mask, a clear permit,
    // and an import report with the old mask and a reported birth date.
    u = await createTestApp({
      upgradeFrom: {
        migration: '2026-11-29T1910_case-external-id',
        seed: async (db, cipher) => {
          await db
            .insertInto('persons')
            .values({
              id: 'legacy-person',
              name: '钱老',
              name_search: '钱老',
              gender: 'male',
              birth_date: OLD.birthDate,
              ethnicity: null,
              id_type: 'resident_id',
              id_number_enc: cipher.encrypt(OLD_ID),
              id_hash: cipher.lookupHash(OLD_ID),
              id_masked: OLD_MASK,
              phone_enc: null,
              phone_hash: null,
              phone_masked: null,
              nationality: null,
              registered_place: null,
              population_type: 'floating',
              household_status: null,
              house_id: null,
              relation: null,
              status: 'active',
              data_state: 'entered',
              claimed_by: null,
              claimed_by_name: null,
              claimed_at: null,
              verified_by: null,
              verified_by_name: null,
              verified_at: null,
              details: JSON.stringify({ residencePermitNo: OLD_ID }),
              admin_code: CITY.district,
              street_code: CITY.streetW,
              community_code: CITY.communityW,
              grid_code: CITY.gridA,
              version: 1,
              created_at: at,
              updated_at: at,
            })
            .execute();
          const problems = [
            { row: 3, column: '证件号码', value: OLD_MASK, problem: '与第 2 行重复' },
            { row: 4, column: '出生日期', value: OLD.birthDate, problem: '出生日期不能晚于今天' },
          ];
          await db
            .insertInto('import_jobs')
            .values({
              id: 'legacy-job',
              kind: 'persons',
              mode: 'dry-run',
              file_name: 'old.xlsx',
              file_sha256: 'x',
              actor_id: null,
              actor_name: 'old',
              rows: 3,
              valid_rows: 1,
              invalid_rows: 2,
              problem_count: 2,
              problems: JSON.stringify(problems),
              committed: 0,
              created: 0,
              updated: 0,
              unchanged: 0,
              seconds: 0.1,
              at,
            })
            .execute();
        },
      },
    });
    await seedCity(u);
    uLeader = await userSession(u, {
      username: 'leader',
      roles: ['community_leader'],
      areaCodes: [CITY.communityW],
    });
    createdOn.set(OLD.key, at.slice(0, 10));
  });
  afterAll(async () => u.close());

  it(`leaves no clear birth date and no old mask in the row, the import report or the file (${TEST_DB_KIND})`, async () => {
    const row = await u.services.db
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', 'legacy-person')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      birth_date: null,
      birth_year: 1962,
      id_masked: '410101************',
    });
    expect(JSON.parse(row.details)).toEqual({ residencePermitNo: '410101************' });
    for (const secret of [OLD_ID, OLD.birthDate, compact(OLD.birthDate), OLD_MASK])
      expect(JSON.stringify(row)).not.toContain(secret);
    expectHidden(
      'upgraded row',
      OLD,
      visible(OLD, { masked: row.id_masked, birthYear: row.birth_year, gender: row.gender }),
    );
    expectHidden(
      'upgraded row: 居住证号码',
      OLD,
      visible(OLD, {
        masked: JSON.parse(row.details).residencePermitNo,
        birthYear: row.birth_year,
        gender: row.gender,
      }),
    );
    const job = await u.services.db
      .selectFrom('import_jobs')
      .select('problems')
      .where('id', '=', 'legacy-job')
      .executeTakeFirstOrThrow();
    const problems = JSON.parse(job.problems) as { value: string }[];
    expect(problems.map((p) => p.value)).toEqual(['410101************', '1962-**-**']);
    expectHidden(
      'upgraded import report',
      OLD,
      visible(OLD, { masked: problems[0]!.value, birthYear: row.birth_year, gender: row.gender }),
    );
    if (TEST_DB_KIND === 'sqlite' && u.config.database.kind === 'sqlite') {
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(u.services.db);
      const bytes = readFileSync(u.config.database.file);
      for (const secret of [OLD_ID, OLD.birthDate, compact(OLD.birthDate), OLD_MASK])
        expect(bytes.includes(Buffer.from(secret)), `file holds ${secret}`).toBe(false);
      expect(bytes.includes(Buffer.from('钱老'))).toBe(true);
    }
  });

  it('still reveals the full values through the audited unmask', async () => {
    expect(
      u.services.cipher.decrypt(
        (
          await u.services.db
            .selectFrom('persons')
            .select('birth_date_enc')
            .where('id', '=', 'legacy-person')
            .executeTakeFirstOrThrow()
        ).birth_date_enc!,
      ),
    ).toBe(OLD.birthDate);
    const res = await uLeader.post('/api/persons/legacy-person/unmask', {
      reason: '核对升级数据',
      fields: ['idNumber', 'birthDate', 'residencePermitNo'],
    });
    expect(res.json()).toEqual({
      idNumber: OLD_ID,
      birthDate: OLD.birthDate,
      residencePermitNo: OLD_ID,
    });
    expect((await uLeader.get('/api/persons/legacy-person')).json()).toMatchObject({
      birthYear: 1962,
      idNumber: '410101************',
    });
  });
});
