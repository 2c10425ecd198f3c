// Load generator in its own process, so the benchmark's own heap and GC stay out of the
// measurement. Closed loop: each connection sends its next request when an answer arrives.
// argv: a JSON file {port, paths: string[], headers, connections, seconds, warmupSeconds}
import { readFileSync } from 'node:fs';
import http from 'node:http';

const o = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
let next = 0;
const path = () => o.paths[(next = (next + 1) % o.paths.length)];
const once = (p) =>
  new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port: o.port, path: p, agent, headers: o.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
async function phase(seconds, record) {
  const lat = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: o.connections }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        if ((await once(path())) !== 200) errors++;
        if (record) lat.push(performance.now() - t0);
      }
    }),
  );
  return { lat, errors, seconds: (performance.now() - start) / 1000 };
}
await phase(o.warmupSeconds ?? 1, false);
const { lat, errors, seconds } = await phase(o.seconds, true);
agent.destroy();
lat.sort((a, b) => a - b);
const pct = (p) => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))] ?? 0;
process.stdout.write(JSON.stringify({ requests: lat.length, errors, seconds, p50Ms: pct(0.5), p99Ms: pct(0.99) }));
