// The command line, read before anything else loads: `wangge --help`, a command's --help and argument errors answer
// from here in a few tens of milliseconds, without starting the TypeScript loader or the server (bin/wangge.mjs).
// Plain JavaScript for that reason; src/main.ts uses the same parser once the loader runs. Types: cli-args.d.mts.
import { parseArgs } from 'node:util';

const COMMON = `
Database: DATABASE_URL (postgres://… or sqlite:FILE) selects it; else data/wangge.db.
  WANGGE_PG_SCHEMA   PostgreSQL schema of the tables (default public)
  --db FILE          use this SQLite file instead (e.g. data/demo.db)`;

export const HELP = {
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
  'rebuild-indicators': `wangge rebuild-indicators [--db FILE]
  Rewrites the indicator facts (监督考核) of every case from its event log, a page of
  cases at a time; safe to run again. Needed once for cases recorded before the facts
  existed; new events keep them up to date.${COMMON}`,
  bench: `wangge bench [--only NAME[,NAME…]] [--quick]
  Runs the benchmarks and prints JSON (figures plus the ratio to a bare baseline
  measured in the same run). Names: locate, locate-http, import, intake, queue,
  registry, registry-import, first-load (JS and bytes transferred for the login,
  report and map pages in headless Chromium), cli (time to help), indicators (a
  street's and the district's monthly indicators and a community's through HTTP over
  1,000,000 cases and ~10,000,000 events; BENCH_DB=postgres for PostgreSQL only).`,
};

export const USAGE = `网格 Wangge — social-governance grid platform

usage: wangge <command> [options]     (wangge <command> --help for details)

commands:
  serve          serve the API and web app
  migrate        apply database migrations
  demo           create the demo city (and serve it with --serve)
  import-areas   import area boundaries from GeoJSON
  export-areas   export area boundaries as GeoJSON
  rotate-data-key  re-encrypt personal data under a new key
  rebuild-indicators  rewrite the indicator facts from the case log
  bench          run the benchmarks (JSON output)
`;

const OPTIONS = {
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
};

/**
 * Reads argv (without node and the script). Either an answer to print and an exit code (help, usage errors), or the
 * command to run with its options.
 */
export function parseCommandLine(argv) {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help')
    return { exit: command ? 0 : 2, stdout: USAGE };
  if (!Object.hasOwn(HELP, command))
    return { exit: 2, stderr: `unknown command: ${command}\n\n${USAGE}` };
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (e) {
    return { exit: 2, stderr: `${e.message}\n\n${HELP[command]}\n` };
  }
  if (parsed.values.help) return { exit: 0, stdout: `${HELP[command]}\n` };
  const { port, help: _help, ...values } = parsed.values;
  const opts = { ...values };
  if (port !== undefined) {
    const n = Number(port);
    if (!(Number.isInteger(n) && n >= 0 && n < 65536))
      return { exit: 2, stderr: `bad --port ${port}\n` };
    opts.port = n;
  }
  return { command, opts, positionals: parsed.positionals };
}
