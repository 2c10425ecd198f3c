import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp } from './test-app';

// Modules talk only through their index.ts (docs/architecture.md, rule 7). This scan keeps it that way: a file
// outside modules/<m>/ may import `modules/<m>` or `modules/<m>/index`, nothing deeper. Test code (*.test.ts,
// *.test-util.ts and everything under apps/server/test) may also use another module's *.test-util.ts.
const SERVER = resolve(__dirname, '..');
const SRC = join(SERVER, 'src');
const MODULES = join(SRC, 'modules');

/**
 * The one sanctioned exception: the Kysely `Database` type is the union of every module's table interfaces, so
 * core/db/database.ts imports each *.tables.ts (types only; no module code runs in core).
 */
const TABLE_TYPES_ROOT = join(SRC, 'core', 'db', 'database.ts');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : tsFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Static imports and re-exports, dynamic import() and vi.mock() specifiers. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\s+['"]([^'"]+)['"]/g,
    /\bvi\.mock\(\s*['"]([^'"]+)['"]/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1]!);
  return found;
}

/** The module a path lies in and the path inside it, or null outside modules/. */
function moduleOf(path: string): { name: string; rest: string } | null {
  const rel = relative(MODULES, path);
  if (rel.startsWith('..') || rel === '') return null;
  const [name, ...rest] = rel.split(sep);
  return { name: name!, rest: rest.join('/') };
}

const isTestCode = (file: string) =>
  /\.test(-util)?\.ts$/.test(file) || !relative(join(SERVER, 'test'), file).startsWith('..');

export function boundaryViolations(files: string[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const from = moduleOf(file);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = moduleOf(resolve(dirname(file), spec));
      if (!target || target.name === from?.name) continue;
      const rest = target.rest.replace(/\.(ts|js)$/, '');
      if (rest === '' || rest === 'index') continue;
      if (isTestCode(file) && rest.endsWith('.test-util')) continue;
      if (file === TABLE_TYPES_ROOT && rest.endsWith('.tables')) continue;
      out.push(`${relative(SERVER, file)} imports ${spec}`);
    }
  }
  return out;
}

describe('module boundaries', () => {
  it('no file reaches into another module past its index.ts', () => {
    const files = [...tsFiles(SRC), ...tsFiles(join(SERVER, 'test'))];
    expect(files.length).toBeGreaterThan(100);
    expect(boundaryViolations(files)).toEqual([]);
  });

  it('a module surface hands out no repository or table', () => {
    const leaks = readdirSync(MODULES).flatMap((m) => {
      const index = readFileSync(join(MODULES, m, 'index.ts'), 'utf8');
      return specifiers(index)
        .filter((s) => /\.(repo|tables)$/.test(s))
        .map((s) => `modules/${m}/index.ts re-exports ${s}`);
    });
    expect(leaks).toEqual([]);
  });

  it('no service hands out its repository', async () => {
    const t = await createTestApp();
    try {
      const leaks = Object.entries(t.services).flatMap(([name, service]) =>
        service && typeof service === 'object'
          ? Object.keys(service)
              .filter((k) => /^repo$|Repo$/.test(k))
              .map((k) => `services.${name}.${k}`)
          : [],
      );
      expect(leaks).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('the composition root stays a list of modules: no function in app.ts over 80 lines', () => {
    const lines = readFileSync(join(SRC, 'app.ts'), 'utf8').split('\n');
    const long: string[] = [];
    let start = -1;
    lines.forEach((line, i) => {
      if (/^(export )?(async )?function /.test(line)) start = i;
      else if (start >= 0 && line.startsWith('}')) {
        if (i - start + 1 > 80) long.push(`${lines[start]!.slice(0, 60)}… ${i - start + 1} lines`);
        start = -1;
      }
    });
    expect(long).toEqual([]);
  });
});
