import { request, type IncomingHttpHeaders } from 'node:http';

/** One server-sent event as the browser's EventSource would dispatch it. */
export interface SseFrame {
  event: string;
  data: string;
}

export interface SseStream {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body, for a refused (non-200) request. */
  body: string;
  frames: SseFrame[];
  comments: string[];
  retry: number | null;
  /** Resolves with the first frame (received or to come) that matches; rejects after timeoutMs. */
  waitFor(match: (f: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** The case frames' payloads. */
export const caseData = (s: SseStream): Record<string, unknown>[] =>
  s.frames.filter((f) => f.event === 'case').map((f) => JSON.parse(f.data));

/**
 * Opens a stream with a real HTTP request (inject cannot stream) and resolves once the server's
 * first frame arrived, i.e. once the subscription is live.
 */
export function openSse(
  baseUrl: string,
  path: string,
  cookie: string | null,
  timeoutMs = 10_000,
): Promise<SseStream> {
  return new Promise((resolveOpen, rejectOpen) => {
    const waiters = new Set<() => void>();
    let endStream: () => void = () => {};
    const ended = new Promise<void>((r) => (endStream = r));
    const stream: SseStream = {
      status: 0,
      headers: {},
      body: '',
      frames: [],
      comments: [],
      retry: null,
      ended,
      close: () => req.destroy(),
      waitFor(match, ms = 10_000) {
        return new Promise((resolve, reject) => {
          const check = () => {
            const found = stream.frames.find(match);
            if (!found) return;
            clearTimeout(timer);
            waiters.delete(check);
            resolve(found);
          };
          const timer = setTimeout(() => {
            waiters.delete(check);
            reject(
              new Error(`no matching frame within ${ms} ms; got ${JSON.stringify(stream.frames)}`),
            );
          }, ms);
          waiters.add(check);
          check();
        });
      },
    };
    const openTimer = setTimeout(() => {
      req.destroy();
      rejectOpen(new Error(`stream ${path} did not open within ${timeoutMs} ms`));
    }, timeoutMs);
    const opened = () => {
      clearTimeout(openTimer);
      resolveOpen(stream);
    };
    const req = request(
      new URL(path, baseUrl),
      { headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) } },
      (res) => {
        stream.status = res.statusCode ?? 0;
        stream.headers = res.headers;
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          if (stream.status !== 200) {
            stream.body += chunk;
            return;
          }
          buffer += chunk;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const frame: SseFrame = { event: 'message', data: '' };
            let hasData = false;
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) stream.comments.push(line.slice(1).trim());
              else if (line.startsWith('retry: ')) stream.retry = Number(line.slice(7));
              else if (line.startsWith('event: ')) frame.event = line.slice(7);
              else if (line.startsWith('data: ')) {
                frame.data += (hasData ? '\n' : '') + line.slice(6);
                hasData = true;
              }
            }
            if (hasData) stream.frames.push(frame);
            opened();
            for (const w of [...waiters]) w();
          }
        });
        res.on('end', () => {
          endStream();
          opened();
        });
        res.on('close', () => endStream());
        res.on('error', () => endStream());
      },
    );
    req.on('error', (err) => {
      endStream();
      clearTimeout(openTimer);
      rejectOpen(err);
    });
    req.end();
  });
}

/** Rejects when the promise takes longer than ms: every wait in these tests is bounded. */
export function within<T>(ms: number, p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
