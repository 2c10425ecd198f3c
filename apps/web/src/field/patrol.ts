import { useSyncExternalStore } from 'react';
import { cached, fieldDb, newKey, remember } from './db';
import { enqueue } from './queue';

/**
 * 巡查 on the phone: while a patrol is on, the position is taken every N seconds and kept in the patrol's local track;
 * points go to the outbox in small batches (each point keeps its own time, so a batch resent is stored once). The
 * active patrol lives in IndexedDB, so a reload or a closed tab picks it up again. A web page cannot record with the
 * screen off on every phone (iOS stops it): the screen says so.
 */

export interface TrackPoint {
  at: string;
  lng: number;
  lat: number;
  accuracy?: number;
}

export interface ActivePatrol {
  id: string;
  userId: string;
  startedAt: string;
  track: TrackPoint[];
  pending: TrackPoint[];
  checkins: number;
}

/** Points per upload while online; a stop sends the rest. */
const BATCH = 5;
const SECONDS_KEY = 'wangge-field-patrol-seconds';

/** N: 30 s unless the device is set otherwise (the test sets 1 s). */
export function intervalSeconds(): number {
  const n = Number(localStorage.getItem(SECONDS_KEY));
  return Number.isFinite(n) && n >= 1 ? n : 30;
}

let current: ActivePatrol | null = null;
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();
/** What screens read: a fresh copy on every change (the live object is changed in place). */
let snapshot: ActivePatrol | null = null;
const notify = () => {
  snapshot = current ? { ...current, track: [...current.track] } : null;
  listeners.forEach((l) => l());
};
const activeKey = (userId: string) => `patrol:active:${userId}`;

async function save(): Promise<void> {
  if (current) await remember(activeKey(current.userId), current);
  notify();
}

function here(): Promise<TrackPoint> {
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          at: new Date().toISOString(),
          lng: Number(p.coords.longitude.toFixed(7)),
          lat: Number(p.coords.latitude.toFixed(7)),
          accuracy: Math.round(p.coords.accuracy),
        }),
      reject,
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 0 },
    ),
  );
}

async function sendPending(): Promise<void> {
  if (!current || current.pending.length === 0) return;
  const points = current.pending;
  current.pending = [];
  await save();
  await enqueue({
    userId: current.userId,
    kind: 'patrol_points',
    patrolId: current.id,
    title: `${points.length} × ${points[0]!.at.slice(11, 19)}–${points.at(-1)!.at.slice(11, 19)}`,
    body: { crs: 'wgs84', points },
    photos: [],
  });
}

async function record(p: TrackPoint): Promise<void> {
  if (!current) return;
  current.track.push(p);
  current.pending.push(p);
  await save();
  if (current.pending.length >= BATCH) await sendPending();
}

function run(): void {
  if (timer) clearInterval(timer);
  timer = setInterval(() => {
    void here()
      .then(record)
      .catch(() => {});
  }, intervalSeconds() * 1000);
}

/** Picks up a patrol left on by a previous page. */
export async function resumePatrol(userId: string): Promise<void> {
  if (current?.userId === userId) return;
  current = (await cached<ActivePatrol>(activeKey(userId)))?.data ?? null;
  if (current) run();
  notify();
}

export async function startPatrol(userId: string, title: string): Promise<void> {
  const first = await here();
  current = { id: newKey(), userId, startedAt: first.at, track: [], pending: [], checkins: 0 };
  await enqueue({
    userId,
    kind: 'patrol_start',
    patrolId: current.id,
    title,
    body: { startedAt: first.at, lng: first.lng, lat: first.lat, crs: 'wgs84' },
    photos: [],
  });
  await record(first);
  run();
}

export async function checkIn(note: string): Promise<void> {
  if (!current) return;
  const p = await here();
  await record(p);
  current.checkins += 1;
  await save();
  await enqueue({
    userId: current.userId,
    kind: 'patrol_checkin',
    patrolId: current.id,
    title: note || p.at.slice(11, 19),
    body: { at: p.at, lng: p.lng, lat: p.lat, crs: 'wgs84', ...(note ? { note } : {}) },
    photos: [],
  });
}

export async function stopPatrol(): Promise<void> {
  if (!current) return;
  if (timer) clearInterval(timer);
  timer = null;
  await here()
    .then(record)
    .catch(() => {});
  await sendPending();
  const done = current;
  await enqueue({
    userId: done.userId,
    kind: 'patrol_stop',
    patrolId: done.id,
    title: new Date().toLocaleTimeString(),
    body: { endedAt: new Date().toISOString() },
    photos: [],
  });
  await (await fieldDb()).delete('cache', activeKey(done.userId));
  current = null;
  notify();
}

export function usePatrol(): ActivePatrol | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
}
