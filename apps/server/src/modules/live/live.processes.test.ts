import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../core/config';
import { createTestApp, TEST_DB_KIND, type TestApp } from '../../../test/test-app';
import { CITY, seedCity, userSession } from '../../../test/factories';
import { caseData, openSse, within, type SseStream } from './live.test-util';

/** A port nobody listens on right now (the child process cannot report the one it picked). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

/** `wangge serve` as a real second process; resolves once it prints its address. */
async function startServer(
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(
    process.execPath,
    ['apps/server/bin/wangge.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1'],
    { cwd: ROOT_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`127.0.0.1:${port}`)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`second server exited (${code}) before listening:\n${output}`)),
    );
    child.once('error', reject);
  });
  try {
    await within(45_000, ready, `second server start (output so far:\n${output})`);
  } catch (e) {
    await stopServer(child);
    throw e;
  }
  return { child, url: `http://127.0.0.1:${port}`, output: () => output };
}

/** SIGTERM (the server ends its streams and closes), SIGKILL if it does not exit in time. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  try {
    await within(10_000, exited, 'second server exit');
  } catch {
    child.kill('SIGKILL');
    await within(5_000, exited, 'second server kill').catch(() => {});
  }
}

const forCase = (id: string, action: string) => (f: { event: string; data: string }) =>
  f.event === 'case' && JSON.parse(f.data).caseId === id && JSON.parse(f.data).action === action;

describe('live updates across server processes', () => {
  it.skipIf(TEST_DB_KIND !== 'postgres')(
    'a case reported through one process reaches streams on another, once each',
    { timeout: 120_000 },
    async () => {
      let t: TestApp | null = null;
      let child: ChildProcess | null = null;
      const streams: SseStream[] = [];
      try {
        // Process A: this test's app, on a fresh schema of the test database.
        t = await createTestApp();
        await seedCity(t);
        const inspector = await userSession(t, {
          username: 'insp',
          roles: ['inspector'],
          areaCodes: [CITY.streetW],
        });
        const intake = await userSession(t, {
          username: 'intake',
          roles: ['intake_operator'],
          areaCodes: [CITY.district],
        });
        const centre = await userSession(t, {
          username: 'centre',
          roles: ['observer'],
          areaCodes: [CITY.district],
        });
        await t.app.listen({ port: 0, host: '127.0.0.1' });
        const urlA = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
        const config = t.config.database;
        if (config.kind !== 'postgres' || !config.schema)
          throw new Error('expected a PostgreSQL test schema');

        // Process B: `wangge serve` on the same database and schema (WANGGE_PG_SCHEMA), same data key.
        const b = await startServer(
          {
            ...process.env,
            DATABASE_URL: config.url,
            WANGGE_PG_SCHEMA: config.schema,
            WANGGE_DATA_DIR: t.config.dataDir,
            WANGGE_DATA_KEY: '00'.repeat(32),
            LOG_LEVEL: 'warn',
          },
          await freePort(),
        );
        child = b.child;

        // Sessions live in the database, so A's cookie is valid on B.
        const onB = await openSse(b.url, '/api/live/cases', centre.cookie);
        const onA = await openSse(urlA, '/api/live/cases', centre.cookie);
        streams.push(onA, onB);
        expect([onA.status, onB.status]).toEqual([200, 200]);

        // Reported through A: B's stream hears it by NOTIFY.
        const reported = await inspector.post('/api/cases', {
          lng: CITY.inA[0],
          lat: CITY.inA[1],
          address: '文化路 12 号门前',
          description: '路边堆放生活垃圾',
          classCode: '06010',
        });
        expect(reported.statusCode, reported.body).toBe(201);
        const id = reported.json().id as string;
        const onBReport = JSON.parse((await onB.waitFor(forCase(id, 'report'), 15_000)).data);
        expect(onBReport).toMatchObject({
          caseId: id,
          state: 'pending_acceptance',
          gridCode: CITY.gridA,
        });
        await onA.waitFor(forCase(id, 'report'), 15_000);

        // Accepted through B over HTTP: A's stream hears it.
        const version = reported.json().version as number;
        const accepted = await within(
          15_000,
          fetch(`${b.url}/api/cases/${id}/transitions`, {
            method: 'POST',
            headers: {
              cookie: intake.cookie,
              'x-csrf-token': intake.csrf,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ action: 'accept', version }),
          }),
          'accept through B',
        );
        expect(accepted.status, await accepted.clone().text()).toBe(200);
        await onA.waitFor(forCase(id, 'accept'), 15_000);
        await onB.waitFor(forCase(id, 'accept'), 15_000);

        // Each process delivers each event exactly once (its own included: only via the notification).
        await new Promise((r) => setTimeout(r, 300));
        for (const s of [onA, onB])
          expect(
            caseData(s)
              .filter((d) => d.caseId === id)
              .map((d) => d.action),
          ).toEqual(['report', 'accept']);
      } finally {
        for (const s of streams) s.close();
        if (child) await stopServer(child);
        await t?.close();
      }
    },
  );
});
