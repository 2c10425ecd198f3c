#!/usr/bin/env node
// Dependency audit of the runtime dependencies: fails on any high or critical advisory that is not in
// .ci/audit-allowlist.json with a reason. Prints one plain "audit: N passed, N failed" line.
//
// Where the registry's advisory service cannot be reached (an offline mirror, a proxy that only allows GET), the
// audit cannot say anything: it prints why and passes, unless WANGGE_AUDIT_REQUIRED=1, which makes that a failure.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const allow =
  JSON.parse(readFileSync(join(ROOT, '.ci/audit-allowlist.json'), 'utf8')).advisories ?? {};
const SEVERE = new Set(['high', 'critical']);

let out;
if (process.env.WANGGE_AUDIT_JSON) {
  // A saved report, to check this script itself.
  out = readFileSync(process.env.WANGGE_AUDIT_JSON, 'utf8');
} else
  try {
    out = execFileSync('npm', ['audit', '--omit=dev', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
  } catch (err) {
    // npm audit exits non-zero when it finds something; its JSON is still on stdout.
    out = err.stdout ?? '';
  }

let report;
try {
  report = JSON.parse(out);
} catch {
  report = { error: { summary: 'no JSON from npm audit' } };
}

if (report.error || report.message) {
  const why = String(report.message ?? report.error?.summary ?? 'unknown error').split(' - ')[0];
  console.log(`audit: the advisory service could not be asked (${why})`);
  if (process.env.WANGGE_AUDIT_REQUIRED === '1') {
    console.log('audit: 0 passed, 1 failed');
    process.exit(1);
  }
  console.log('audit: skipped (set WANGGE_AUDIT_REQUIRED=1 to make this a failure)');
  process.exit(0);
}

// npm 7+ format: vulnerabilities[name].via holds advisory objects (or names of the packages that pull them in).
const failures = [];
let accepted = 0;
for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
  for (const via of v.via ?? []) {
    if (typeof via !== 'object' || !SEVERE.has(via.severity)) continue;
    const id = String(via.url ?? via.source)
      .split('/')
      .pop();
    const entry = allow[id];
    if (
      entry &&
      entry.reason &&
      (!entry.until || entry.until >= new Date().toISOString().slice(0, 10))
    ) {
      accepted++;
      continue;
    }
    failures.push(`${name}: ${via.severity} ${id} ${via.title ?? ''}`);
  }
}
for (const f of failures) console.log(`audit: not allowed: ${f}`);
const total = Object.keys(report.vulnerabilities ?? {}).length;
console.log(`audit: ${total} packages with advisories, ${accepted} accepted by the allow-list`);
console.log(`audit: ${failures.length ? 0 : 1} passed, ${failures.length ? 1 : 0} failed`);
process.exit(failures.length ? 1 : 0);
