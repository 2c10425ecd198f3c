import { useEffect, useState } from 'react';
import { ApiFailure, call, setCsrf } from './api';
import { cached, fieldDb, remember } from './db';
import { loggedIn } from './queue';

export interface FieldUser {
  id: string;
  username: string;
  displayName: string;
  roles: { code: string; name: string }[];
  permissions: string[];
  areas: { code: string; name: string; level: string }[];
}
interface SessionAnswer {
  user: FieldUser;
  csrfToken: string;
}

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'out' }
  /** `offline`: the last signed-in user, from the phone's copy; writes queue until the server is back. */
  | { kind: 'in'; user: FieldUser; offline: boolean };

const ME = 'me';

/** Who is signed in: the server when reachable, else the last user this phone saw (to keep working offline). */
export function useSession(): [SessionState, (s: SessionState) => void] {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  useEffect(() => {
    void (async () => {
      try {
        const s = await call<SessionAnswer>('GET', '/api/auth/me');
        setCsrf(s.csrfToken);
        await remember(ME, s.user);
        setState({ kind: 'in', user: s.user, offline: false });
        loggedIn(s.user.id);
      } catch (err) {
        const copy = await cached<FieldUser>(ME);
        if (err instanceof ApiFailure && err.status === 0 && copy)
          setState({ kind: 'in', user: copy.data, offline: true });
        else setState({ kind: 'out' });
      }
    })();
  }, []);
  return [state, setState];
}

export async function login(username: string, password: string): Promise<FieldUser> {
  const s = await call<SessionAnswer>('POST', '/api/auth/login', { username, password });
  setCsrf(s.csrfToken);
  await remember(ME, s.user);
  loggedIn(s.user.id);
  return s.user;
}

/** Offline copies that are nobody's in particular; the rest (tasks, grid, patrols, who was signed in) go on sign-out. */
const SHARED_COPIES = new Set(['categories', 'settings:map']);

export async function logout(): Promise<void> {
  try {
    await call('POST', '/api/auth/logout');
  } finally {
    setCsrf(null);
    // A shared phone keeps no worker's cases for the next one. Unsent ops stay: they are sent at that worker's next
    // sign-in (each op names its user).
    const db = await fieldDb();
    for (const key of await db.getAllKeys('cache'))
      if (!SHARED_COPIES.has(key) && !key.startsWith('patrol:active:'))
        await db.delete('cache', key);
  }
}
