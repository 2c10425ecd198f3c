import { describe, expect, it } from 'vitest';

// Issue 11 #8: full-width colons (：) showed in the English UI, from English dictionaries and from JSX that put a
// literal "：" after a translated label. Labels take <Colon /> (components/label-colon.tsx) instead.
const raw = (files: Record<string, unknown>) => Object.entries(files as Record<string, string>);
const english = raw(
  import.meta.glob('../**/*-en.ts', { query: '?raw', import: 'default', eager: true }),
);
const jsx = raw(import.meta.glob('../**/*.tsx', { query: '?raw', import: 'default', eager: true }));

describe('no full-width colon in English', () => {
  it('none in the English dictionaries', () => {
    expect(english.length).toBeGreaterThan(3);
    for (const [file, text] of english) expect(text, file).not.toContain('：');
  });

  it('no literal "：" after a translated label in JSX', () => {
    const offenders = jsx.flatMap(([file, text]) =>
      text
        .split('\n')
        .filter((line) => /\}：/.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(jsx.length).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });
});
