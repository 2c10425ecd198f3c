import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** One queued write, kept on the phone until the server has answered it. */
export interface QueuedOp {
  id: string;
  /** Sent as the idempotency key: a retry of a sent op is answered, never done twice. */
  key: string;
  userId: string;
  /** report: POST /api/cases; task: 核实/核查 answer; the patrol kinds: 巡查 start, points, check-in, stop. */
  kind: 'report' | 'task' | 'patrol_start' | 'patrol_points' | 'patrol_checkin' | 'patrol_stop';
  createdAt: string;
  status: 'waiting' | 'sending' | 'sent' | 'failed' | 'conflict';
  /** Why it failed or conflicts, in the server's words. */
  reason?: string;
  title: string;
  /** POST /api/cases body (report) or POST /api/field/tasks/:id/complete body (task), photos left out. */
  body: Record<string, unknown>;
  caseId?: string;
  /** The patrol (the phone's id) a patrol op belongs to. */
  patrolId?: string;
  photos: Blob[];
  /** Attachment ids of the photos already uploaded, by index (a retry uploads only the rest). */
  uploaded: (string | null)[];
  /** What the server answered (the case number of a report). */
  result?: string;
  attempts: number;
  sentAt?: string;
}

interface FieldDb extends DBSchema {
  ops: { key: string; value: QueuedOp; indexes: { byCreated: string } };
  /** The last answers of the reads the app needs offline (categories, tasks, the grid), by name. */
  cache: { key: string; value: { key: string; at: string; data: unknown } };
}

let dbPromise: Promise<IDBPDatabase<FieldDb>> | null = null;
export function fieldDb(): Promise<IDBPDatabase<FieldDb>> {
  dbPromise ??= openDB<FieldDb>('wangge-field', 1, {
    upgrade(db) {
      db.createObjectStore('ops', { keyPath: 'id' }).createIndex('byCreated', 'createdAt');
      db.createObjectStore('cache', { keyPath: 'key' });
    },
  });
  return dbPromise;
}

export async function cached<T>(key: string): Promise<{ at: string; data: T } | null> {
  const row = await (await fieldDb()).get('cache', key);
  return row ? { at: row.at, data: row.data as T } : null;
}

export async function remember(key: string, data: unknown): Promise<void> {
  await (await fieldDb()).put('cache', { key, at: new Date().toISOString(), data });
}

/** A random key, 32 hex characters (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
