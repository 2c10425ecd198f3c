import type { Kysely } from 'kysely';
import {
  CASE_CATEGORY_KINDS,
  CATEGORY_KINDS,
  type Category,
  type CategoryKind,
  type CategoryLevel,
  type CategoryListQuery,
  type CategoryNode,
  type CreateCategoryRequest,
  type PublicCategory,
  type UpdateCategoryRequest,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { AppError, invalid, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import type { AuditService } from '../audit';
import { createCategoriesRepo } from './categories.repo';
import { createCategoriesSheet } from './categories-sheet';
import type { CategoriesTable } from './categories.tables';
import { defaultConditionRow } from './default-conditions';
import { createRegistrationConditionsRepo } from './registration-conditions.repo';
import {
  buildTree,
  childCodeProblem,
  childLevel,
  codePrefixes,
  compareCategories,
  normalizeLegacyCode,
  toCategory,
} from './category-codes';

export interface CategoriesDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: Pick<AuditService, 'record'>;
  /** Open cases (all areas) under these classes or below them (cases module): a class in use is not retired. */
  openCasesInClasses(codes: readonly string[]): Promise<number>;
}

/** A case class with its ancestors: `usable` when it and every ancestor are active. */
export interface CaseClass {
  category: Category;
  /** From the 大类 down to the class itself. */
  path: Category[];
  usable: boolean;
}

// Without a named kind, a code is looked up as a case class first: the same digits name a 事项 and its 部件.
const LOOKUP_ORDER: readonly CategoryKind[] = ['matter', 'governance', 'component'];
const isCaseKind = (k: CategoryKind) =>
  (CASE_CATEGORY_KINDS as readonly CategoryKind[]).includes(k);
const key = (r: { kind: string; code: string }) => `${r.kind}:${r.code}`;

/** 部件/事项/综治 category dictionary: national rows from GB/T 47678.5-2026 plus local extensions. */
export function createCategoriesService(deps: CategoriesDeps) {
  const repo = createCategoriesRepo(deps.db);
  const nowIso = () => deps.clock.now().toISOString();

  async function findRow(code: string, kind?: CategoryKind): Promise<CategoriesTable | null> {
    const kinds = kind ? [kind] : LOOKUP_ORDER;
    const rows = await repo.findByCodes(kinds, [code]);
    for (const k of kinds) {
      const hit = rows.find((r) => r.kind === k);
      if (hit) return hit;
    }
    return null;
  }

  /** The ancestors of `rows` (other than the rows themselves), by code prefix within each kind. */
  async function ancestorsOf(rows: readonly CategoriesTable[]): Promise<CategoriesTable[]> {
    const out: CategoriesTable[] = [];
    for (const kind of CATEGORY_KINDS) {
      const codes = new Set(
        rows.filter((r) => r.kind === kind).flatMap((r) => codePrefixes(r.code).slice(1)),
      );
      out.push(...(await repo.findByCodes([kind], [...codes])));
    }
    return out;
  }

  /** Active in effect: the row and every ancestor present in `all` are active. */
  function effectivelyActive(all: ReadonlyMap<string, CategoriesTable>) {
    return (r: CategoriesTable): boolean =>
      r.active === 1 &&
      codePrefixes(r.code)
        .slice(1)
        .every((p) => all.get(`${r.kind}:${p}`)?.active !== 0);
  }

  /** Normalises aliases and refuses one that already names another class a case could be filed under. */
  async function checkAliases(
    kind: CategoryKind,
    aliases: readonly string[],
    selfId: string | null,
  ): Promise<string[]> {
    const normalized = [...new Set(aliases.map(normalizeLegacyCode))];
    const group = isCaseKind(kind) ? CASE_CATEGORY_KINDS : [kind];
    for (const a of normalized) {
      if (!/^[0-9A-Z]{2,20}$/.test(a))
        throw invalid('legacyCodes', `旧编码 ${a} 应为 2–20 位数字或字母`);
      const other = (await repo.findByAlias(group, a)).find((r) => r.id !== selfId);
      if (other)
        throw new AppError('duplicate', `旧编码 ${a} 已是 ${other.code} ${other.name} 的别名`, {
          field: 'legacyCodes',
        });
    }
    return normalized;
  }

  // Every report looks up its class; the dictionary changes a few times a year. Entries live CASE_CLASS_TTL_MS, so
  // an edit made by another server process is seen within that time; this process's own edits clear the cache.
  const caseClassCache = new Map<string, { value: CaseClass | null; until: number }>();
  const CASE_CLASS_TTL_MS = 10_000;
  // The residents' 问题类型 list answers an unauthenticated route: it is built once per TTL, not per request.
  let publicClassesCache: { value: PublicCategory[]; until: number } | null = null;
  const forgetCached = () => {
    caseClassCache.clear();
    publicClassesCache = null;
  };
  const sheet = createCategoriesSheet({ ...deps, forgetCached });

  /** The dictionary decides deadlines and dispatch: each change is audited in the same transaction. */
  function record(
    tx: Kysely<DB>,
    actor: Actor,
    ip: string | null,
    row: CategoriesTable,
    detail: Record<string, unknown>,
  ) {
    return deps.audit.record(
      {
        action: 'category_changed',
        actor,
        targetType: 'category',
        targetId: `${row.kind}:${row.code}`,
        ip,
        detail,
      },
      tx,
    );
  }

  return {
    /** The dictionary as workbook rows, and an import's check and commit (categories-sheet.ts). */
    sheetRows: sheet.sheetRows,
    checkSheetRows: sheet.checkSheetRows,
    commitSheetRows: sheet.commitSheetRows,

    /** Flat list or tree, searched by code prefix, name, synonym or legacy alias. */
    async list(q: CategoryListQuery): Promise<CategoryNode[]> {
      const kinds = q.kind ? [q.kind] : CATEGORY_KINDS;
      // LIKE wildcards in the search text would only widen it; drop them rather than escape per dialect.
      const text = q.q?.replace(/[%_\\]/g, '');
      if (text === '') return [];
      const codeText = text === undefined ? undefined : normalizeLegacyCode(text);
      const hits = await repo.list(kinds, {
        ...(text !== undefined ? { text } : {}),
        ...(codeText && /^[0-9A-Z]+$/.test(codeText) ? { codeText } : {}),
      });
      const ancestors = text === undefined ? [] : await ancestorsOf(hits);
      const all = new Map([...hits, ...ancestors].map((r) => [key(r), r]));
      const active = effectivelyActive(all);
      const kept = q.activeOnly === 'true' ? hits.filter(active) : hits;
      if (q.view === 'flat') return kept.map(toCategory).sort(compareCategories);
      const keptKeys = new Set(kept.map(key));
      // A tree of search hits keeps the hits' ancestors so every hit can be reached from a root.
      const needed = ancestors.filter((a) =>
        kept.some((h) => h.kind === a.kind && h.code.startsWith(a.code) && !keptKeys.has(key(a))),
      );
      return buildTree([...kept, ...needed].map(toCategory));
    },

    async get(code: string, kind?: CategoryKind): Promise<Category> {
      const row = await findRow(code, kind);
      if (!row) throw notFound('分类');
      return toCategory(row);
    },

    /** The current category an old code stands for. */
    async resolve(legacyCode: string, kind?: CategoryKind): Promise<Category> {
      const alias = normalizeLegacyCode(legacyCode);
      const kinds = kind ? [kind] : CASE_CATEGORY_KINDS;
      const row = (await repo.findByAlias(kinds, alias))[0];
      if (!row) throw notFound(`旧编码 ${alias} 对应的分类`);
      return toCategory(row);
    },

    /** Adds a local extension under an existing class; its code must extend the parent's. */
    async create(
      actor: Actor,
      input: CreateCategoryRequest,
      ip: string | null = null,
    ): Promise<Category> {
      const parent = (await repo.findByCodes([input.kind], [input.parentCode]))[0];
      if (!parent) throw invalid('parentCode', `上级分类 ${input.parentCode} 不存在`);
      const level = childLevel(parent.level as CategoryLevel);
      if (!level) throw invalid('parentCode', '细类之下不能再分类');
      const problem = childCodeProblem(parent.code, input.code, level);
      if (problem) throw new AppError('invalid_code', problem, { field: 'code' });
      const duplicate = () =>
        new AppError('duplicate', `分类编码 ${input.code} 已存在`, { field: 'code' });
      if (await findRow(input.code, input.kind)) throw duplicate();
      const legacy = await checkAliases(input.kind, input.legacyCodes ?? [], null);
      const t = nowIso();
      const row: CategoriesTable = {
        id: newId(),
        code: input.code,
        kind: input.kind,
        level,
        parent_code: parent.code,
        name: input.name,
        legacy_codes: JSON.stringify(legacy),
        synonyms: JSON.stringify([...new Set(input.synonyms ?? [])]),
        is_local_extension: 1,
        active: 1,
        self_handle_allowed: input.selfHandleAllowed ? 1 : 0,
        verify_required: input.verifyRequired ? 1 : 0,
        duplicate_radius_m: input.duplicateRadiusM ?? parent.duplicate_radius_m,
        created_at: t,
        updated_at: t,
      };
      // A new 小类 is registrable at once: it gets its 大类's default 立结案标准 in the same transaction (a 子类/细类
      // uses its 小类's). docs/case-workflow.md §3.1.
      const condition =
        level === 'minor' && isCaseKind(input.kind)
          ? defaultConditionRow({ code: row.code, name: row.name, majorCode: parent.code }, t)
          : null;
      try {
        await deps.db.transaction().execute(async (tx) => {
          await repo.insert(row, tx);
          if (condition) await createRegistrationConditionsRepo(tx).insert(tx, condition);
          await record(tx, actor, ip, row, {
            change: 'created',
            summary: `新增分类 ${row.code} ${row.name}（上级 ${parent.code} ${parent.name}）${condition ? '，并生成默认立结案标准' : ''}`,
            ...(condition ? { defaultConditionId: condition.id } : {}),
          });
        });
        forgetCached();
      } catch (err) {
        // A concurrent insert of the same code loses on the unique index.
        if (await findRow(input.code, input.kind)) throw duplicate();
        throw err;
      }
      return toCategory(row);
    },

    async update(
      actor: Actor,
      code: string,
      kind: CategoryKind | undefined,
      input: UpdateCategoryRequest,
      ip: string | null = null,
    ): Promise<Category> {
      const row = await findRow(code, kind);
      if (!row) throw notFound('分类');
      const patch: Partial<CategoriesTable> = { updated_at: nowIso() };
      if (input.name !== undefined) patch.name = input.name;
      if (input.synonyms !== undefined)
        patch.synonyms = JSON.stringify([...new Set(input.synonyms)]);
      if (input.legacyCodes !== undefined)
        patch.legacy_codes = JSON.stringify(
          await checkAliases(row.kind as CategoryKind, input.legacyCodes, row.id),
        );
      if (input.selfHandleAllowed !== undefined)
        patch.self_handle_allowed = input.selfHandleAllowed ? 1 : 0;
      if (input.verifyRequired !== undefined) patch.verify_required = input.verifyRequired ? 1 : 0;
      if (input.duplicateRadiusM !== undefined) patch.duplicate_radius_m = input.duplicateRadiusM;
      if (input.active !== undefined) patch.active = input.active ? 1 : 0;
      if (input.active === false && row.active === 1)
        await sheet.assertRetirable(row.kind, row.code);
      const fields = Object.keys(input);
      const summary = `修改分类 ${row.code} ${row.name}：${fields.join('、')}${input.active === false ? '（停用）' : input.active === true ? '（启用）' : ''}`;
      await deps.db.transaction().execute(async (tx) => {
        await repo.update(row.id, patch, tx);
        await record(tx, actor, ip, row, { change: 'updated', summary, fields, input });
      });
      forgetCached();
      return toCategory({ ...row, ...patch });
    },

    /** A 事项/综治 class a case can be filed under, with its ancestors; null when the code names none. */
    async caseClass(code: string): Promise<CaseClass | null> {
      const now = Date.now();
      const hit = caseClassCache.get(code);
      if (hit && hit.until > now) return hit.value;
      const rows = await repo.findByCodes(CASE_CATEGORY_KINDS, codePrefixes(code));
      const self = rows.find((r) => r.code === code);
      const path = self
        ? rows
            .filter((r) => r.kind === self.kind)
            .sort((a, b) => a.code.length - b.code.length)
            .map(toCategory)
        : [];
      const value = self
        ? { category: toCategory(self), path, usable: path.every((c) => c.active) }
        : null;
      if (caseClassCache.size >= 5_000) caseClassCache.clear();
      caseClassCache.set(code, { value, until: now + CASE_CLASS_TTL_MS });
      return value;
    },

    /** 问题类型 a resident may pick: active 事项/综治 classes below the 大类, each with its 大类's name. */
    async publicClasses(): Promise<PublicCategory[]> {
      if (publicClassesCache && publicClassesCache.until > Date.now())
        return publicClassesCache.value;
      const rows = await repo.list(CASE_CATEGORY_KINDS, {});
      const all = new Map(rows.map((r) => [key(r), r]));
      const active = effectivelyActive(all);
      const major = (r: CategoriesTable): string | null => {
        let at: CategoriesTable | undefined = r;
        while (at && at.level !== 'major')
          at = at.parent_code ? all.get(`${at.kind}:${at.parent_code}`) : undefined;
        return at?.name ?? null;
      };
      const value = rows
        .filter((r) => r.level !== 'major' && active(r))
        .map((r) => ({ code: r.code, name: r.name, group: major(r) }));
      publicClassesCache = { value, until: Date.now() + CASE_CLASS_TTL_MS };
      return value;
    },

    /** The 事项/综治 classes among `codes` (for names in lists). */
    async caseClasses(codes: readonly string[]): Promise<Category[]> {
      return (await repo.findByCodes(CASE_CATEGORY_KINDS, [...new Set(codes)])).map(toCategory);
    },
  };
}
export type CategoriesService = ReturnType<typeof createCategoriesService>;
