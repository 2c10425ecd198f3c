#!/usr/bin/env node
// `npm run e2e [-- --rebuild] [filter…] [playwright options…]`: checks for Debian's chromium, rebuilds apps/web/dist if
// asked, then hands everything else to `playwright test` (a filter keeps the spec files whose path matches it).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from './lib/chromium.mjs';

const E2E_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT_DIR = join(E2E_DIR, '..');
const args = process.argv.slice(2);
const rebuild = args.includes('--rebuild');
const rest = args.filter((a) => a !== '--rebuild');

function fail(message) {
  process.stdout.write(`e2e: ${message}\ne2e: 0 passed, 1 failed\n`);
  process.exit(1);
}

if (!existsSync(CHROMIUM_PATH))
  fail(
    `${CHROMIUM_PATH} not found — install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`,
  );

// Without a CJK font the screenshots show boxes instead of Chinese (the tests still work).
try {
  const zh = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', timeout: 10_000 });
  if (!zh.trim())
    process.stdout.write(
      'e2e: warning: no Chinese font installed (apt-get install -y fonts-wqy-zenhei); screenshots will show boxes\n',
    );
} catch {
  /* no fontconfig tools: nothing to say */
}

if (rebuild) {
  process.stdout.write('e2e: rebuilding the web app…\n');
  const build = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], {
    cwd: ROOT_DIR,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 240_000,
  });
  if (build.status !== 0) fail('the web app did not build');
}

const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const child = spawn(
  process.execPath,
  [cli, 'test', '--config', join(E2E_DIR, 'playwright.config.mjs'), ...rest],
  { cwd: ROOT_DIR, stdio: 'inherit' },
);
// Playwright stops the demo server on SIGINT/SIGTERM; pass them on and leave with its exit code.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 1));
