// Baseline for the HTTP benchmark: a bare Fastify route answering a constant JSON.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const body = { found: true, grid: { id: 'x', code: '41019800100101', name: '网格', level: 'grid' } };
app.get('/bare', async () => body);
await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
process.stdout.write('listening\n');
