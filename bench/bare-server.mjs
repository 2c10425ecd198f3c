// Baselines for the HTTP benchmarks, each a bare Fastify route:
//   GET  /bare         a constant JSON (for locate)
//   POST /bare-insert  one row into the same database the real server uses (for case intake)
// argv: port [sqlite-file | postgres-url]
import Fastify from 'fastify';

const [port, target] = process.argv.slice(2);
const app = Fastify({ logger: false });
const body = {
  found: true,
  grid: { id: 'x', code: '41019800100101', name: '网格', level: 'grid' },
};
app.get('/bare', async () => body);

if (target?.startsWith('postgres')) {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: target, max: 10 });
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bench_bare (id text primary key, body text not null, at text not null)',
  );
  app.post('/bare-insert', async (req, reply) => {
    await pool.query('INSERT INTO bench_bare (id, body, at) VALUES ($1, $2, $3)', [
      crypto.randomUUID(),
      JSON.stringify(req.body),
      new Date().toISOString(),
    ]);
    return reply.status(201).send({ ok: true });
  });
} else if (target) {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(target);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(
    'CREATE TABLE IF NOT EXISTS bench_bare (id text primary key, body text not null, at text not null)',
  );
  const insert = db.prepare('INSERT INTO bench_bare (id, body, at) VALUES (?, ?, ?)');
  app.post('/bare-insert', async (req, reply) => {
    insert.run(crypto.randomUUID(), JSON.stringify(req.body), new Date().toISOString());
    return reply.status(201).send({ ok: true });
  });
}
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write('listening\n');
