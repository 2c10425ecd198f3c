import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT_DIR } from '../apps/server/src/core/config';
import { round } from './http-load';

const BIN = join(ROOT_DIR, 'apps/server/bin/wangge.mjs');

function medianMs(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)]!, 0);
}

/** `npx wangge --help` and a command's help, beside a bare `node -e 0` start in the same run (medians). */
export function benchCli(runs: number) {
  const bareNodeMs = medianMs(['-e', '0'], runs);
  const helpMs = medianMs([BIN, '--help'], runs);
  const commandHelpMs = medianMs([BIN, 'import-areas', '--help'], runs);
  return {
    runs,
    bareNodeMs,
    helpMs,
    commandHelpMs,
    helpVsBareMs: round(helpMs - bareNodeMs, 0),
  };
}
