import { parseArgs } from 'node:util';
import {
  demoCommand,
  exportAreasCommand,
  importAreasCommand,
  migrateCommand,
  rotateDataKeyCommand,
  serveCommand,
  type CommandOptions,
} from './cli/commands';

const COMMON = `
Database: DATABASE_URL (postgres://… or sqlite:FILE) selects it; else data/wangge.db.
  WANGGE_PG_SCHEMA   PostgreSQL schema of the tables (default public)
  --db FILE          use this SQLite file instead (e.g. data/demo.db)`;

const HELP: Record<string, string> = {
  serve: `wangge serve [--port N] [--host H] [--db FILE]
  Applies migrations, creates the first administrator on an empty database
  (WANGGE_ADMIN_PASSWORD or a generated password printed once) and serves the
  API and web app. PORT (default 8080) and HOST (default 127.0.0.1; 0.0.0.0 for
  phones on the local network).${COMMON}`,
  migrate: `wangge migrate [--db FILE]
  Applies pending database migrations and prints the schema version.${COMMON}`,
  demo: `wangge demo [--serve] [--reset] [--seed N] [--db FILE] [--port N]
  Creates the demo city (1 district, 6 streets, 30 communities, 300 grids, staff,
  departments, one account per role; password Wangge@2026) in data/demo.db if it
  is empty, then with --serve builds the web app if needed and serves it.
  --reset deletes the demo database first; --seed picks another city.`,
  'import-areas': `wangge import-areas FILE [--crs wgs84|gcj02|bd09] [--level district|street|community|grid]
                   [--code-field F] [--name-field F] [--parent-code CODE] [--grid-scheme S] [--dry-run] [--db FILE]
  Imports a GeoJSON FeatureCollection of area boundaries, all or nothing. Codes and
  names are read from code/adcode/gridCode and name properties unless the fields are
  given. --grid-scheme (cjt213, gbt47678, db11) declares the grid code scheme of the file;
  without it each grid code is checked against the scheme it fits (WANGGE_GRID_SCHEME
  breaks 15-digit ties). Prints every problem (feature index, code, reason); exit code 1 when invalid.${COMMON}`,
  'export-areas': `wangge export-areas [--level district|street|community|grid] [--db FILE]
  Writes the current area boundaries as a GeoJSON FeatureCollection (WGS84) to stdout.${COMMON}`,
  'rotate-data-key': `wangge rotate-data-key [--new-key] [--db FILE]
  Re-encrypts every personal-data column (ID numbers, phones, special-group details)
  under the current data key, in batches; safe to stop and run again.
  With WANGGE_DATA_KEY: set the new key there and the old one in
  WANGGE_DATA_KEY_PREVIOUS (comma-separated), then run this.
  With the key file (data/data.key): --new-key writes a new key and keeps the old
  one readable in data/data.key.previous. The lookup key (WANGGE_LOOKUP_KEY or
  data/lookup.key) never changes.${COMMON}`,
  bench: `wangge bench [--only NAME] [--quick]
  Runs the benchmarks and prints JSON (figures plus the ratio to a bare baseline
  measured in the same run). Names: locate, locate-http, import.`,
};

const USAGE = `网格 Wangge — social-governance grid platform

usage: wangge <command> [options]     (wangge <command> --help for details)

commands:
  serve          serve the API and web app
  migrate        apply database migrations
  demo           create the demo city (and serve it with --serve)
  import-areas   import area boundaries from GeoJSON
  export-areas   export area boundaries as GeoJSON
  rotate-data-key  re-encrypt personal data under a new key
  bench          run the benchmarks (JSON output)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (!HELP[command]) {
    process.stderr.write(`unknown command: ${command}\n\n${USAGE}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        db: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        serve: { type: 'boolean' },
        reset: { type: 'boolean' },
        seed: { type: 'string' },
        crs: { type: 'string' },
        level: { type: 'string' },
        'code-field': { type: 'string' },
        'name-field': { type: 'string' },
        'parent-code': { type: 'string' },
        'grid-scheme': { type: 'string' },
        'dry-run': { type: 'boolean' },
        'new-key': { type: 'boolean' },
        only: { type: 'string' },
        quick: { type: 'boolean' },
      },
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${HELP[command]}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${HELP[command]}\n`);
    return 0;
  }
  const { port, ...values } = parsed.values;
  const opts: CommandOptions = { ...values, ...(port !== undefined ? { port: Number(port) } : {}) };
  if (
    opts.port !== undefined &&
    !(Number.isInteger(opts.port) && opts.port >= 0 && opts.port < 65536)
  ) {
    process.stderr.write(`bad --port ${port}\n`);
    return 2;
  }
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
      return importAreasCommand(parsed.positionals[0], opts);
    case 'export-areas':
      return exportAreasCommand(opts);
    case 'rotate-data-key':
      return rotateDataKeyCommand(opts);
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
