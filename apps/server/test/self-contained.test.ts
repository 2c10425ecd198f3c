import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The repository must stand alone: a clone with nothing beside it runs, tests and documents itself. Design notes
// and data that once lived next to it were copied in (test/fixtures/SOURCES.md, docs/), so nothing tracked may
// point at the sibling folder or at the machine it was written on. `.ci/run` proves the first half by running the
// suite from a lone clone; this test catches the reference itself, with its file and line, before CI does.
const ROOT = resolve(__dirname, '..', '..', '..');

// Built from pieces so this file does not match itself.
const SIBLING = '..' + '/shared';
/** An absolute path into the work folder: the folder name after a slash that does not continue a longer path or URL. */
const ABSOLUTE = new RegExp(String.raw`(?<![\w.~/-])/` + 'work/');

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter((f) => f !== '');
}

/** The text of a tracked file, or null for binary files (a NUL byte near the start, git's own test) and files deleted in the work tree. */
function textOf(path: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(ROOT, path));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  return bytes.subarray(0, 8000).includes(0) ? null : bytes.toString('utf8');
}

function offendingLines(test: (line: string) => boolean): string[] {
  const hits: string[] = [];
  for (const file of trackedFiles()) {
    const text = textOf(file);
    if (text === null) continue;
    text.split('\n').forEach((line, i) => {
      if (test(line)) hits.push(`${file}:${i + 1}: ${line.trim().slice(0, 160)}`);
    });
  }
  return hits;
}

describe('the repository is self-contained', () => {
  it('reads its tracked files (and finds the ones that matter)', () => {
    const files = trackedFiles();
    expect(files).toContain('README.md');
    expect(files).toContain('docs/case-workflow.md');
    expect(files).toContain('docs/domain.md');
    expect(textOf('README.md')).not.toBeNull();
  });

  it(`no tracked file refers to ${SIBLING}`, () => {
    expect(offendingLines((line) => line.includes(SIBLING))).toEqual([]);
  });

  it('no tracked file holds an absolute path into the work folder', () => {
    expect(offendingLines((line) => ABSOLUTE.test(line))).toEqual([]);
  });

  it('recognises what it looks for', () => {
    expect(`see ${SIBLING}/notes.txt`.includes(SIBLING)).toBe(true);
    for (const hit of ['/' + 'work/shared/x', `'/` + `work/main/data'`, ' cd /' + 'work/main'])
      expect(ABSOLUTE.test(hit)).toBe(true);
    for (const miss of [
      'https://example.org/' + 'work/x',
      'src/' + 'work/x',
      '~/' + 'work/x',
      'x-/' + 'work/y',
    ])
      expect(ABSOLUTE.test(miss)).toBe(false);
  });
});
