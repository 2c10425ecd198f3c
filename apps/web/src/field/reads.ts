import { useCallback, useEffect, useState } from 'react';
import { ApiFailure, call } from './api';
import { cached, remember } from './db';

export interface CachedRead<T> {
  data: T | null;
  /** When the copy shown was fetched, when it is an offline copy. */
  staleAt: string | null;
  error: string | null;
  reload: () => void;
}

/**
 * A read kept for offline use: the network first, the last good answer (IndexedDB) when there is none. The name
 * includes the user, so a shared phone never shows one worker another's tasks.
 */
export function useCachedRead<T>(name: string | null, load: () => Promise<T>): CachedRead<T> {
  const [state, setState] = useState<Omit<CachedRead<T>, 'reload'>>({
    data: null,
    staleAt: null,
    error: null,
  });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    if (!name) return;
    let alive = true;
    void (async () => {
      const copy = await cached<T>(name);
      if (copy && alive)
        setState((s) => (s.data ? s : { data: copy.data, staleAt: copy.at, error: null }));
      try {
        const data = await load();
        await remember(name, data);
        if (alive) setState({ data, staleAt: null, error: null });
      } catch (err) {
        if (!alive) return;
        const offline = err instanceof ApiFailure && err.status === 0;
        setState((s) => ({
          data: s.data ?? copy?.data ?? null,
          staleAt: s.data && !s.staleAt ? null : (copy?.at ?? null),
          error: offline ? null : String((err as Error).message),
        }));
      }
    })();
    return () => {
      alive = false;
    };
    // `load` is a fresh closure each render; the name says what it loads.
  }, [name, tick]);
  return { ...state, reload };
}

export const get = <T>(url: string) => call<T>('GET', url);
