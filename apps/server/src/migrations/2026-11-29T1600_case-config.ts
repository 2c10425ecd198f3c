import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  GBT_COMPONENT_MAJORS,
  GBT_COMPONENT_MINORS,
} from './2026-11-29T1600_case-config.gbt-components';
import { GBT_MATTER_MAJORS, GBT_MATTER_MINORS } from './2026-11-29T1600_case-config.gbt-matters';
import {
  DEFAULT_STEP_LIMITS,
  GOVERNANCE,
  SEED_CONDITIONS,
  SELF_HANDLE_MATTERS,
} from './2026-11-29T1600_case-config.local-seed';

// Case configuration read by the case engine: the category dictionary (部件/事项/综治 分类), the 立结案标准 rows and
// the dispatch matrix (派遣矩阵). Portable types only, as in the foundation migration.
//
// Legacy aliases (legacy_codes) are NOT seeded. docs/domain.md §3.1 proposes "new 事项 大类 = old 大类 + 5, same 小类
// serial" (old 01-10 暴露垃圾 → 06010), but marks it "to verify", and the old CJ/T 214 / GB/T 30428.2 tables are not
// in the repository to check it against; a wrong alias would silently misfile imported cases. Administrators add
// aliases through PATCH /api/categories/:code once checked against their own legacy data.

type Row = {
  id: string;
  code: string;
  kind: string;
  level: string;
  parent_code: string | null;
  name: string;
  legacy_codes: string;
  synonyms: string;
  is_local_extension: number;
  active: number;
  self_handle_allowed: number;
  verify_required: number;
  duplicate_radius_m: number;
  created_at: string;
  updated_at: string;
};

// Seed rows apply to cases of any date, so they are valid from long before the product existed.
const SEED_VALID_FROM = '2000-01-01T00:00:00.000Z';

function categoryRows(now: string): Row[] {
  const rows: Row[] = [];
  const add = (
    kind: string,
    level: string,
    code: string,
    parent: string | null,
    name: string,
    selfHandle = false,
  ) =>
    rows.push({
      id: randomUUID(),
      code,
      kind,
      level,
      parent_code: parent,
      name,
      legacy_codes: '[]',
      synonyms: '[]',
      is_local_extension: 0,
      active: 1,
      self_handle_allowed: selfHandle ? 1 : 0,
      verify_required: 0,
      duplicate_radius_m: 50,
      created_at: now,
      updated_at: now,
    });
  const national = (
    kind: string,
    majors: readonly (readonly [string, string])[],
    minors: string,
  ) => {
    for (const [code, name] of majors) add(kind, 'major', code, null, name);
    for (const line of minors.split('\n')) {
      const space = line.indexOf(' ');
      if (space < 0) continue;
      const code = line.slice(0, space);
      add(
        kind,
        'minor',
        code,
        code.slice(0, 2),
        line.slice(space + 1),
        kind === 'matter' && SELF_HANDLE_MATTERS.includes(code),
      );
    }
  };
  national('component', GBT_COMPONENT_MAJORS, GBT_COMPONENT_MINORS);
  national('matter', GBT_MATTER_MAJORS, GBT_MATTER_MINORS);
  for (const g of GOVERNANCE) {
    add('governance', 'major', g.code, null, g.name);
    for (const [serial, name] of g.minors)
      add('governance', 'minor', g.code + serial, g.code, name);
  }
  return rows;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('legacy_codes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('synonyms', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('is_local_extension', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('self_handle_allowed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('verify_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicate_radius_m', 'integer', (c) => c.notNull().defaultTo(50))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // GB/T 47678.5 numbers 部件 and 事项 with the same digits (事项 01001 供水井盖异常 mirrors 部件 01001 供水井盖),
  // so a code is unique within its kind, not across kinds.
  await db.schema
    .createIndex('categories_kind_code')
    .on('categories')
    .columns(['kind', 'code'])
    .unique()
    .execute();
  await db.schema
    .createIndex('categories_parent')
    .on('categories')
    .columns(['kind', 'parent_code'])
    .execute();

  await db.schema
    .createTable('registration_conditions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Versions of one condition share the id of its first version, so references survive edits.
    .addColumn('lineage_id', 'text', (c) => c.notNull())
    .addColumn('supersedes_id', 'text')
    .addColumn('class_code', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('closure_condition', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('limit_value', 'double precision', (c) => c.notNull())
    .addColumn('limit_type', 'text', (c) => c.notNull())
    .addColumn('step_limits', 'text', (c) => c.notNull())
    .addColumn('yellow_card_at', 'double precision')
    .addColumn('red_card_at', 'double precision')
    .addColumn('area_code', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('registration_conditions_class')
    .on('registration_conditions')
    .columns(['class_code', 'valid_to'])
    .execute();
  await db.schema
    .createIndex('registration_conditions_lineage')
    .on('registration_conditions')
    .column('lineage_id')
    .execute();

  await db.schema
    .createTable('dispatch_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('class_code', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('condition_id', 'text')
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dispatch_rules_class_area')
    .on('dispatch_rules')
    .columns(['class_code', 'area_code'])
    .execute();
  await db.schema
    .createIndex('dispatch_rules_area')
    .on('dispatch_rules')
    .column('area_code')
    .execute();

  const now = new Date().toISOString();
  const rows = categoryRows(now);
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('categories')
      .values(rows.slice(i, i + 100))
      .execute();

  const stepLimits = JSON.stringify(DEFAULT_STEP_LIMITS);
  const conditions = SEED_CONDITIONS.map((c) => {
    const id = randomUUID();
    return {
      id,
      lineage_id: id,
      supersedes_id: null,
      class_code: c.classCode,
      text: c.text,
      closure_condition: c.closure,
      urgency: c.urgency,
      limit_value: c.limitValue,
      limit_type: c.limitType,
      step_limits: stepLimits,
      yellow_card_at: null,
      red_card_at: null,
      area_code: null,
      valid_from: SEED_VALID_FROM,
      valid_to: null,
      created_at: now,
    };
  });
  await db.insertInto('registration_conditions').values(conditions).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['dispatch_rules', 'registration_conditions', 'categories'])
    await db.schema.dropTable(t).ifExists().execute();
}
