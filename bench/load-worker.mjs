// Load generator in its own process, so the benchmark's own heap and GC stay out of the
// measurement. Closed loop: each connection sends its next request when an answer arrives;
// with `ratePerSec` the sends are paced (to measure latency at a given load, not at saturation).
// argv: a JSON file {port, paths: string[], method?, bodies?: string[], okStatus?: number[],
//                    headers, connections, seconds, warmupSeconds, ratePerSec?}
import { readFileSync } from 'node:fs';
import http from 'node:http';

const o = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
const ok = new Set(o.okStatus ?? [200]);
let next = 0;
const once = () =>
  new Promise((resolve) => {
    const i = (next = (next + 1) % o.paths.length);
    const body = o.bodies ? o.bodies[i % o.bodies.length] : undefined;
    const headers = body
      ? {
          ...o.headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        }
      : o.headers;
    const req = http.request(
      {
        host: '127.0.0.1',
        port: o.port,
        path: o.paths[i],
        method: o.method ?? 'GET',
        agent,
        headers,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function phase(seconds, record) {
  const lat = [];
  let errors = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  const gap = o.ratePerSec ? 1000 / o.ratePerSec : 0;
  let slot = 0;
  await Promise.all(
    Array.from({ length: o.connections }, async () => {
      while (performance.now() < until) {
        if (gap) {
          const due = start + slot++ * gap;
          const wait = due - performance.now();
          if (wait > 0) await sleep(wait);
        }
        const t0 = performance.now();
        if (!ok.has(await once())) errors++;
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
process.stdout.write(
  JSON.stringify({ requests: lat.length, errors, seconds, p50Ms: pct(0.5), p99Ms: pct(0.99) }),
);
