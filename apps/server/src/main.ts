import { parseCommandLine } from '../bin/cli-args.mjs';
import {
  demoCommand,
  exportAreasCommand,
  importAreasCommand,
  migrateCommand,
  rebuildIndicatorsCommand,
  rotateDataKeyCommand,
  serveCommand,
} from './cli/commands';

// Help and argument errors were answered by bin/wangge.mjs before this file loaded; the same parser runs again here
// so that `tsx src/main.ts …` behaves the same.
async function main(argv: string[]): Promise<number> {
  const line = parseCommandLine(argv);
  if ('exit' in line) {
    if (line.stdout) process.stdout.write(line.stdout);
    if (line.stderr) process.stderr.write(line.stderr);
    return line.exit;
  }
  const { command, opts, positionals } = line;
  switch (command) {
    case 'serve':
      await serveCommand(opts);
      return -1;
    case 'migrate':
      await migrateCommand(opts);
      return 0;
    case 'demo':
      await demoCommand(opts);
      return opts.serve ? -1 : 0;
    case 'import-areas':
      return importAreasCommand(positionals[0], opts);
    case 'export-areas':
      return exportAreasCommand(opts);
    case 'rotate-data-key':
      return rotateDataKeyCommand(opts);
    case 'rebuild-indicators':
      return rebuildIndicatorsCommand(opts);
    case 'bench': {
      const { runBenchmarks } = await import('../../../bench/run');
      await runBenchmarks({ only: opts.only as string | undefined, quick: Boolean(opts.quick) });
      return 0;
    }
    default:
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // -1: a server is running; leave the process alive.
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
