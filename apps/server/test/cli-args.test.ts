import { describe, expect, it } from 'vitest';
import { HELP, parseCommandLine, USAGE } from '../bin/cli-args.mjs';

// The parser bin/wangge.mjs runs before loading anything: help and argument errors never start the server.
describe('command line', () => {
  it('answers help and usage errors itself, with the exit code', () => {
    expect(parseCommandLine([])).toEqual({ exit: 2, stdout: USAGE });
    expect(parseCommandLine(['--help'])).toEqual({ exit: 0, stdout: USAGE });
    expect(parseCommandLine(['demo', '--help'])).toEqual({ exit: 0, stdout: `${HELP.demo}\n` });
    expect(parseCommandLine(['frobnicate'])).toMatchObject({ exit: 2 });
    expect(parseCommandLine(['constructor'])).toMatchObject({ exit: 2 });
    expect(parseCommandLine(['import-areas', '--bogus'])).toMatchObject({
      exit: 2,
      stderr: expect.stringContaining('wangge import-areas'),
    });
    for (const port of ['x', '65536', '80.5'])
      expect(parseCommandLine(['serve', '--port', port]), port).toEqual({
        exit: 2,
        stderr: `bad --port ${port}\n`,
      });
  });

  it('hands a valid command over with its options', () => {
    expect(
      parseCommandLine([
        'import-areas',
        'zz.geojson',
        '--crs',
        'gcj02',
        '--dry-run',
        '--port',
        '0',
      ]),
    ).toEqual({
      command: 'import-areas',
      opts: { crs: 'gcj02', 'dry-run': true, port: 0 },
      positionals: ['zz.geojson'],
    });
  });
});
