import type { Kysely } from 'kysely';
import {
  CASE_CATEGORY_KINDS,
  CATEGORY_KINDS,
  type CategoryKind,
  type CategoryLevel,
  type CategorySheetRow,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { AppError } from '../../core/errors';
import { newId } from '../../core/ids';
import type { AuditService } from '../audit';
import { createCategoriesRepo } from './categories.repo';
import type { CategoriesTable } from './categories.tables';
import { defaultConditionRow } from './default-conditions';
import { createRegistrationConditionsRepo } from './registration-conditions.repo';
import {
  childCodeProblem,
  childLevel,
  compareCategories,
  normalizeLegacyCode,
  parseStringArray,
} from './category-codes';

export interface CategoriesSheetDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: Pick<AuditService, 'record'>;
  /** Open cases (all areas) filed under these classes or below them (cases module). */
  openCasesInClasses(codes: readonly string[]): Promise<number>;
  /** Drops the service's cached classes after a write. */
  forgetCached(): void;
}

export interface SheetProblem {
  index: number;
  field: string;
  message: string;
}

const key = (r: { kind: string; code: string }) => `${r.kind}:${r.code}`;
const isCaseKind = (k: string) => (CASE_CATEGORY_KINDS as readonly string[]).includes(k);
const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** A row as the sheet shows it: the stored row's editable content. */
function contentOf(r: CategoriesTable): Omit<CategorySheetRow, 'kind' | 'code' | 'parentCode'> {
  return {
    name: r.name,
    synonyms: parseStringArray(r.synonyms),
    legacyCodes: parseStringArray(r.legacy_codes),
    selfHandleAllowed: r.self_handle_allowed === 1,
    verifyRequired: r.verify_required === 1,
    duplicateRadiusM: r.duplicate_radius_m,
    active: r.active === 1,
  };
}

/** Why a class with open cases may not be retired: the message the page and the sheet show on 启用. */
export function openCasesProblem(code: string, n: number): string {
  return `分类 ${code}（含下级）还有 ${n} 件未办结案件，不能停用；请先办结或改类后再停用`;
}

/**
 * The 分类字典 as a workbook: export every class with its flags; import updates classes in place and adds local
 * 小类/子类/细类 (a parent may be a new row of the same file). A class with open cases is not deactivated.
 */
export function createCategoriesSheet(deps: CategoriesSheetDeps) {
  const repo = createCategoriesRepo(deps.db);

  /** Refuses to retire a case class while cases under it are open (they could no longer be reclassified to it). */
  async function assertRetirable(kind: string, code: string): Promise<void> {
    if (!isCaseKind(kind)) return;
    const n = await deps.openCasesInClasses([code]);
    if (n > 0) throw new AppError('conflict', openCasesProblem(code, n), { field: 'active' });
  }

  return {
    assertRetirable,

    /** Every class with its flags, plus its level and whether it is a local extension (shown, not imported). */
    async sheetRows(): Promise<(CategorySheetRow & { level: CategoryLevel; isLocal: boolean })[]> {
      const rows = (await repo.list(CATEGORY_KINDS, {})).sort(compareCategories);
      return rows.map((r) => ({
        kind: r.kind as CategoryKind,
        code: r.code,
        parentCode: r.parent_code,
        ...contentOf(r),
        level: r.level as CategoryLevel,
        isLocal: r.is_local_extension === 1,
      }));
    },

    async checkSheetRows(rows: CategorySheetRow[]): Promise<SheetProblem[]> {
      const problems: SheetProblem[] = [];
      const stored = new Map((await repo.list(CATEGORY_KINDS, {})).map((r) => [key(r), r]));
      const levelOf = new Map([...stored].map(([k, r]) => [k, r.level as CategoryLevel]));
      // Parents first, so a new 细类 can hang under a new 子类 of the same file.
      const order = rows.map((r, index) => ({ r, index }));
      order.sort((a, b) => a.r.code.length - b.r.code.length);
      const retiring: { index: number; code: string }[] = [];
      for (const { r, index } of order) {
        const old = stored.get(key(r));
        if (old) {
          if (r.parentCode !== null && r.parentCode !== old.parent_code)
            problems.push({ index, field: 'parentCode', message: '已有分类的上级编码不能修改' });
          if (!r.active && old.active === 1) retiring.push({ index, code: r.code });
          continue;
        }
        if (r.parentCode === null) {
          problems.push({ index, field: 'parentCode', message: '新增分类须填写上级编码' });
          continue;
        }
        const parentLevel = levelOf.get(`${r.kind}:${r.parentCode}`);
        if (!parentLevel) {
          problems.push({ index, field: 'parentCode', message: `上级分类 ${r.parentCode} 不存在` });
          continue;
        }
        const level = childLevel(parentLevel);
        if (!level) {
          problems.push({ index, field: 'parentCode', message: '细类之下不能再分类' });
          continue;
        }
        const bad = childCodeProblem(r.parentCode, r.code, level);
        if (bad) problems.push({ index, field: 'code', message: bad });
        else levelOf.set(key(r), level);
      }
      // Aliases are unique among the case kinds (and among 部件) once the file is applied.
      const finalAliases = new Map<string, { kind: string; aliases: string[] }>();
      for (const [k, r] of stored)
        finalAliases.set(k, { kind: r.kind, aliases: parseStringArray(r.legacy_codes) });
      rows.forEach((r, index) => {
        const aliases = r.legacyCodes.map(normalizeLegacyCode);
        const wrong = aliases.find((a) => !/^[0-9A-Z]{2,20}$/.test(a));
        if (wrong)
          problems.push({
            index,
            field: 'legacyCodes',
            message: `旧编码 ${wrong} 应为 2–20 位数字或字母`,
          });
        finalAliases.set(key(r), { kind: r.kind, aliases });
      });
      const owners = new Map<string, string[]>();
      for (const [k, v] of finalAliases)
        for (const a of v.aliases) {
          const group = `${isCaseKind(v.kind) ? 'case' : v.kind}:${a}`;
          owners.set(group, [...(owners.get(group) ?? []), k]);
        }
      rows.forEach((r, index) => {
        for (const a of r.legacyCodes.map(normalizeLegacyCode)) {
          const others = (owners.get(`${isCaseKind(r.kind) ? 'case' : r.kind}:${a}`) ?? []).filter(
            (k) => k !== key(r),
          );
          if (others.length)
            problems.push({
              index,
              field: 'legacyCodes',
              message: `旧编码 ${a} 已是 ${others[0]!.split(':')[1]} 的别名`,
            });
        }
      });
      for (const { index, code } of retiring) {
        const row = rows[index]!;
        if (!isCaseKind(row.kind)) continue;
        const n = await deps.openCasesInClasses([code]);
        if (n > 0) problems.push({ index, field: 'active', message: openCasesProblem(code, n) });
      }
      return problems.sort((a, b) => a.index - b.index);
    },

    /** Writes the checked rows in one transaction; rows equal to the stored class change nothing. */
    async commitSheetRows(actor: Actor, rows: CategorySheetRow[], ip: string | null = null) {
      const stored = new Map((await repo.list(CATEGORY_KINDS, {})).map((r) => [key(r), r]));
      const levels = new Map([...stored].map(([k, r]) => [k, r.level as CategoryLevel]));
      // New classes of the file, for a new child's inherited radius.
      const radii = new Map<string, { duplicate_radius_m: number }>();
      const counts = { created: 0, updated: 0, unchanged: 0 };
      const t = deps.clock.now().toISOString();
      const ordered = [...rows].sort((a, b) => a.code.length - b.code.length);
      const audit = (tx: Kysely<DB>, r: CategorySheetRow, detail: Record<string, unknown>) =>
        deps.audit.record(
          {
            action: 'category_changed',
            actor,
            targetType: 'category',
            targetId: key(r),
            ip,
            detail: { ...detail, source: 'sheet' },
          },
          tx,
        );
      await deps.db.transaction().execute(async (tx) => {
        for (const r of ordered) {
          const old = stored.get(key(r));
          const parent =
            stored.get(`${r.kind}:${r.parentCode}`) ?? radii.get(`${r.kind}:${r.parentCode}`);
          const content = {
            name: r.name,
            synonyms: [...new Set(r.synonyms)],
            legacyCodes: [...new Set(r.legacyCodes.map(normalizeLegacyCode))],
            selfHandleAllowed: r.selfHandleAllowed,
            verifyRequired: r.verifyRequired,
            duplicateRadiusM:
              r.duplicateRadiusM ?? old?.duplicate_radius_m ?? parent?.duplicate_radius_m ?? 50,
            active: r.active,
          };
          radii.set(key(r), { duplicate_radius_m: content.duplicateRadiusM });
          if (old) {
            const before = contentOf(old);
            const fields = (Object.keys(content) as (keyof typeof content)[]).filter((f) => {
              const a = before[f];
              const b = content[f];
              return Array.isArray(a) && Array.isArray(b) ? !sameList(a, b) : a !== b;
            });
            if (fields.length === 0) {
              counts.unchanged++;
              continue;
            }
            await repo.update(
              old.id,
              {
                name: content.name,
                synonyms: JSON.stringify(content.synonyms),
                legacy_codes: JSON.stringify(content.legacyCodes),
                self_handle_allowed: content.selfHandleAllowed ? 1 : 0,
                verify_required: content.verifyRequired ? 1 : 0,
                duplicate_radius_m: content.duplicateRadiusM,
                active: content.active ? 1 : 0,
                updated_at: t,
              },
              tx,
            );
            await audit(tx, r, {
              change: 'updated',
              fields,
              summary: `导入修改分类 ${r.code} ${r.name}：${fields.join('、')}`,
            });
            counts.updated++;
            continue;
          }
          const level = childLevel(levels.get(`${r.kind}:${r.parentCode}`)!)!;
          levels.set(key(r), level);
          await repo.insert(
            {
              id: newId(),
              code: r.code,
              kind: r.kind,
              level,
              parent_code: r.parentCode,
              name: content.name,
              legacy_codes: JSON.stringify(content.legacyCodes),
              synonyms: JSON.stringify(content.synonyms),
              is_local_extension: 1,
              active: content.active ? 1 : 0,
              self_handle_allowed: content.selfHandleAllowed ? 1 : 0,
              verify_required: content.verifyRequired ? 1 : 0,
              duplicate_radius_m: content.duplicateRadiusM,
              created_at: t,
              updated_at: t,
            },
            tx,
          );
          // An imported 小类 is registrable at once, like one added by hand (docs/case-workflow.md §3.1).
          const isCase = (CASE_CATEGORY_KINDS as readonly string[]).includes(r.kind);
          if (level === 'minor' && isCase)
            await createRegistrationConditionsRepo(tx).insert(
              tx,
              defaultConditionRow(
                { code: r.code, name: content.name, majorCode: r.parentCode ?? '' },
                t,
              ),
            );
          await audit(tx, r, {
            change: 'created',
            summary: `导入新增分类 ${r.code} ${r.name}（上级 ${r.parentCode}）`,
          });
          counts.created++;
        }
      });
      deps.forgetCached();
      return counts;
    },
  };
}
export type CategoriesSheet = ReturnType<typeof createCategoriesSheet>;
