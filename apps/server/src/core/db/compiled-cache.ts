import { CompiledQuery, type Compilable, type Kysely } from 'kysely';

/**
 * Reuses the SQL Kysely compiled for a hot statement whose shape never changes (an insert of one row with the same
 * columns), binding new values in the same order. Building and compiling a 37-column insert costs more than
 * SQLite takes to run it. The cache is checked once per shape: when the compiled parameters are not exactly the
 * values given (Kysely dropped or transformed one), that shape is never cached and compiles every time.
 */
export function createCompiledCache<D>() {
  const cache = new Map<string, string | null>();
  return async function run(
    d: Kysely<D>,
    shape: string,
    values: readonly unknown[],
    build: () => Compilable,
  ): Promise<void> {
    const cached = cache.get(shape);
    if (cached) {
      await d.executeQuery(CompiledQuery.raw(cached, [...values]));
      return;
    }
    const compiled = build().compile();
    if (cached === undefined) {
      const same =
        compiled.parameters.length === values.length &&
        compiled.parameters.every((p, i) => p === values[i]);
      cache.set(shape, same ? compiled.sql : null);
    }
    await d.executeQuery(compiled);
  };
}

/** The shape and values of a plain row, in key order. */
export function rowShape(...rows: object[]): { shape: string; values: unknown[] } {
  const keys = rows.map((r) => Object.keys(r));
  return {
    shape: keys.map((k) => k.join(',')).join('|'),
    values: rows.flatMap((r) => Object.values(r)),
  };
}
