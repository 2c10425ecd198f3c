import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTIONS, AUDIT_DETAIL_KEYS, auditDetailLines } from '@wangge/shared';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Action codes in the audit write calls: `audit.record({ action: '…' …` (the action within a few lines). */
function writtenActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const re = /\.record\(\s*\{?[\s\S]{0,80}?action:\s*'([a-z_]+)'/g;
    for (const m of text.matchAll(re)) found.set(m[1]!, file.slice(SRC.length));
    // Calls that pass the action from a variable name its possible values in a union beside it.
    for (const m of text.matchAll(/const action = [^;]*?'([a-z_]+)' : '([a-z_]+)'/g)) {
      found.set(m[1]!, file.slice(SRC.length));
      found.set(m[2]!, file.slice(SRC.length));
    }
  }
  return found;
}

describe('audit action labels', () => {
  it('labels every action code the server writes, in Chinese and English', () => {
    const written = writtenActions();
    expect(written.size).toBeGreaterThan(25);
    const missing = [...written].filter(([code]) => !(code in AUDIT_ACTIONS));
    expect(missing, 'add these to packages/shared/src/audit/audit-labels.ts').toEqual([]);
  });

  it('labels every member of the AuditAction union', () => {
    const text = readFileSync(join(__dirname, 'audit.service.ts'), 'utf8').replace(/\/\/.*$/gm, '');
    const union = /export type AuditAction =([\s\S]*?);/.exec(text)![1]!;
    const codes = [...union.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(25);
    expect(codes.filter((c) => !(c in AUDIT_ACTIONS))).toEqual([]);
  });

  it('shows a detail as labelled lines with the reason apart, hiding hashes', () => {
    const { reason, lines } = auditDetailLines(
      'personal_data_searched',
      { module: 'population', field: 'idNumber', reason: '核查', results: 1, valueHash: 'abc' },
      'zh',
    );
    expect(reason).toBe('核查');
    expect(lines.map((l) => `${l.label}=${l.value}`)).toEqual([
      `${AUDIT_DETAIL_KEYS.module!.zh}=population`,
      '字段=idNumber',
      '结果数=1',
    ]);
    const failed = auditDetailLines('login_failed', { reason: 'bad_password' }, 'en');
    expect(failed).toEqual({
      reason: null,
      lines: [{ key: 'reason', label: 'Reason', value: 'Wrong password' }],
    });
  });
});
