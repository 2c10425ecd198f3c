import { describe, expect, it } from 'vitest';
import { generateCity } from '../demo';
import type { ImportSpec } from './import-spec';
import { dispatchRulesSheetSpec } from './specs/dispatch-rules-sheet.spec';
import { housesImportSpec } from './specs/houses-import.spec';
import { personsImportSpec } from './specs/persons-import.spec';

// A template's example row is what a new user copies first: its area codes must exist in the demo city, or the
// first try of an import fails on the example itself (issue 11 #8).
const demoCodes = new Set(generateCity().areas.map((a) => a.code));
const none = {} as never;

function exampleOf(spec: ImportSpec<unknown>, key: string): string | undefined {
  return spec.columns.find((c) => c.key === key)?.example;
}

describe('template examples', () => {
  it.each([
    ['persons', personsImportSpec(none), 'areaCode'],
    ['houses', housesImportSpec(none), 'gridCode'],
    ['dispatch rules', dispatchRulesSheetSpec(none), 'areaCode'],
  ] as const)('the %s template names an area of the demo city', (_name, spec, key) => {
    const code = exampleOf(spec as ImportSpec<unknown>, key);
    expect(code, `${key} example`).toBeTruthy();
    expect(demoCodes.has(code!), `${code} in the demo city`).toBe(true);
  });
});
