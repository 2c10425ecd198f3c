import { useEffect, useState } from 'react';
import { ApiFailure, call } from './api';
import { fieldDb, newKey, type QueuedOp } from './db';

/**
 * The outbox. Every write the worker makes is stored here first and sent from here, online or not: one path, so a
 * report made with a weak signal behaves like one made offline. Sending is one at a time, oldest first; no network
 * leaves an op waiting, a refusal marks it failed with the server's reason, a 409 marks it a conflict (the task was
 * reassigned or handled meanwhile) — shown to the worker, never dropped by the app.
 */

const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

let recovered: Promise<void> | null = null;
/**
 * An op left `sending` by a page that closed mid-send (a reload, the phone killing the tab) waits again: nothing is
 * sending in a page that has just opened, and its key makes the resend safe.
 */
function recoverInterrupted(): Promise<void> {
  recovered ??= (async () => {
    const db = await fieldDb();
    for (const op of await db.getAll('ops'))
      if (op.status === 'sending') await db.put('ops', { ...op, status: 'waiting' });
  })();
  return recovered;
}

export async function listOps(): Promise<QueuedOp[]> {
  await recoverInterrupted();
  return (await fieldDb()).getAllFromIndex('ops', 'byCreated');
}

async function save(op: QueuedOp): Promise<void> {
  await (await fieldDb()).put('ops', op);
  changed();
}

export async function enqueue(
  input: Pick<QueuedOp, 'userId' | 'kind' | 'title' | 'body' | 'photos'> & {
    caseId?: string;
    patrolId?: string;
  },
): Promise<QueuedOp> {
  const op: QueuedOp = {
    ...input,
    id: newKey(),
    key: newKey(),
    createdAt: new Date().toISOString(),
    status: 'waiting',
    uploaded: input.photos.map(() => null),
    attempts: 0,
  };
  await save(op);
  void flush(input.userId);
  return op;
}

export async function retry(op: QueuedOp): Promise<void> {
  await save({ ...op, status: 'waiting', reason: undefined });
  void flush(op.userId);
}

export async function discard(id: string): Promise<void> {
  await (await fieldDb()).delete('ops', id);
  changed();
}

export async function clearSent(): Promise<void> {
  for (const op of await listOps()) if (op.status === 'sent') await discard(op.id);
}

/** Photos first (each once: the server keeps one attachment per identical file), then the write with its key. */
async function send(op: QueuedOp): Promise<string> {
  for (let i = 0; i < op.photos.length; i++) {
    if (op.uploaded[i]) continue;
    const a = await call<{ id: string }>('POST', '/api/attachments', undefined, op.photos[i]);
    op.uploaded[i] = a.id;
    await save(op);
  }
  const photos = op.uploaded.filter((x): x is string => Boolean(x));
  const withPhotos = photos.length ? { photos } : {};
  if (op.kind === 'report') {
    const c = await call<{ caseNo: string }>('POST', '/api/cases', {
      ...op.body,
      ...withPhotos,
      idempotencyKey: op.key,
    });
    return c.caseNo;
  }
  if (op.kind !== 'task') return sendPatrol(op);
  const r = await call<{ case: { caseNo: string } }>(
    'POST',
    `/api/field/tasks/${encodeURIComponent(op.caseId ?? '')}/complete`,
    { ...op.body, ...withPhotos, key: op.key },
  );
  return r.case.caseNo;
}

/** 巡查 ops: each is safe to resend (the patrol id, point instants and check-in keys make them idempotent). */
async function sendPatrol(op: QueuedOp): Promise<string> {
  const base = `/api/patrols/${encodeURIComponent(op.patrolId ?? '')}`;
  switch (op.kind) {
    case 'patrol_start':
      await call('POST', '/api/patrols', { ...op.body, id: op.patrolId });
      return '';
    case 'patrol_points': {
      const r = await call<{ total: number }>('POST', `${base}/points`, op.body);
      return String(r.total);
    }
    case 'patrol_checkin':
      await call('POST', `${base}/checkins`, { ...op.body, key: op.key });
      return '';
    default:
      await call('POST', `${base}/stop`, op.body);
      return '';
  }
}

let running: Promise<void> | null = null;
let rerun = false;
/** Set when the server said 401: sending waits for the next sign-in. */
let needsLogin = false;

/** Sends what waits, oldest first; stops at the first "no network". One run at a time. */
export function flush(userId: string | null): Promise<void> {
  if (!userId || needsLogin) return Promise.resolve();
  // An op queued while a run is under way is sent by a run right after it (the run's list was read before).
  if (running) {
    rerun = true;
    return running;
  }
  running = (async () => {
    try {
      for (const op of await listOps()) {
        if (op.userId !== userId || (op.status !== 'waiting' && op.status !== 'sending')) continue;
        op.status = 'sending';
        op.attempts += 1;
        await save(op);
        try {
          op.result = await send(op);
          op.status = 'sent';
          op.sentAt = new Date().toISOString();
          op.reason = undefined;
          op.photos = []; // sent: the blobs need not stay on the phone
          await save(op);
        } catch (err) {
          const f = err instanceof ApiFailure ? err : new ApiFailure(-1, 'client', String(err));
          // Another copy of this op is being answered right now (a second tab): not a conflict, just later.
          if (f.status === 409 && f.reason === 'in_progress') {
            op.status = 'waiting';
            await save(op);
            continue;
          }
          if (f.status === 0 || f.status === 401) {
            op.status = 'waiting';
            op.reason = f.status === 401 ? 'login' : undefined;
            await save(op);
            if (f.status === 401) needsLogin = true;
            return;
          }
          op.status = f.status === 409 ? 'conflict' : 'failed';
          op.reason = f.field ? `${f.message} (${f.field})` : f.message;
          await save(op);
        }
      }
    } finally {
      running = null;
      if (rerun) {
        rerun = false;
        void flush(userId);
      }
    }
  })();
  return running;
}

/** After a sign-in the queue may send again. */
export function loggedIn(userId: string): void {
  needsLogin = false;
  void flush(userId);
}

/** The outbox, kept current. */
export function useOps(): QueuedOp[] {
  const [ops, setOps] = useState<QueuedOp[]>([]);
  useEffect(() => {
    let alive = true;
    const load = () => void listOps().then((x) => alive && setOps(x));
    listeners.add(load);
    load();
    return () => {
      alive = false;
      listeners.delete(load);
    };
  }, []);
  return ops;
}
