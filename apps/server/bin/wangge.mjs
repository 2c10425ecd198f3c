#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, so there is no server build step. Help and argument errors are
// answered first, in plain JavaScript: starting the loader and the server's imports takes seconds.
import { parseCommandLine } from './cli-args.mjs';

const line = parseCommandLine(process.argv.slice(2));
if ('exit' in line) {
  if (line.stdout) process.stdout.write(line.stdout);
  if (line.stderr) process.stderr.write(line.stderr);
  process.exit(line.exit);
}
const { register } = await import('tsx/esm/api');
register();
await import('../src/main.ts');
