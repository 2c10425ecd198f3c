import type { Kysely } from 'kysely';
import type { CategoryKind } from '@wangge/shared';
import type { DB } from '../../core/db/database';
import type { CategoriesTable } from './categories.tables';

// The dictionary is configuration, not area data: no AreaScope here.
export function createCategoriesRepo(db: Kysely<DB>) {
  const inKinds = (kinds: readonly CategoryKind[]) =>
    db
      .selectFrom('categories')
      .selectAll()
      .where('kind', 'in', [...kinds]);
  return {
    /**
     * Rows of the kinds, optionally matching a search: `text` as a name or synonym substring, `codeText` (upper
     * case, separators dropped) as a code prefix or a legacy alias substring. Activity is filtered by the caller,
     * because an active class under an inactive parent counts as inactive.
     */
    list: (kinds: readonly CategoryKind[], q: { text?: string; codeText?: string }) =>
      inKinds(kinds)
        .$if(q.text !== undefined, (s) =>
          s.where((eb) =>
            eb.or([
              eb('name', 'like', `%${q.text}%`),
              eb('synonyms', 'like', `%${q.text}%`),
              ...(q.codeText
                ? [
                    eb('code', 'like', `${q.codeText}%`),
                    eb('legacy_codes', 'like', `%${q.codeText}%`),
                  ]
                : []),
            ]),
          ),
        )
        .execute(),
    /** Rows of the kinds whose code is one of `codes`. */
    findByCodes: (kinds: readonly CategoryKind[], codes: readonly string[]) =>
      codes.length === 0
        ? Promise.resolve([])
        : inKinds(kinds)
            .where('code', 'in', [...codes])
            .execute(),
    /** Rows carrying the (normalised) legacy alias; JSON text holds it as "ALIAS" with its quotes. */
    findByAlias: (kinds: readonly CategoryKind[], alias: string) =>
      inKinds(kinds).where('legacy_codes', 'like', `%"${alias}"%`).execute(),
    insert: (row: CategoriesTable, d: Kysely<DB> = db) =>
      d.insertInto('categories').values(row).execute(),
    update: (id: string, patch: Partial<CategoriesTable>, d: Kysely<DB> = db) =>
      d.updateTable('categories').set(patch).where('id', '=', id).execute(),
  };
}
export type CategoriesRepo = ReturnType<typeof createCategoriesRepo>;
