import { useEffect, useRef, useState } from 'react';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/** Events arriving closer together than this are one refetch… */
const DEBOUNCE_MS = 1_500;
/** …but a steady stream still refetches this often. */
const MAX_WAIT_MS = 5_000;
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * Follows the case event stream (GET /api/live/cases) and calls `onChange` when something moved: debounced on
 * `case` frames, at once on `resync` and on every reconnect (the stream has no replay, so what happened while it
 * was down is only seen by reading again). The browser reconnects by itself after a dropped connection; when it
 * gives up (an error answer closes the EventSource) this hook opens a new one with a growing delay. One
 * EventSource and at most two timers exist at any time, so a screen left running for days holds nothing more.
 */
export function useLiveRefresh(url: string, onChange: () => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let debounce: ReturnType<typeof setTimeout> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let firstPending: number | null = null;
    let everOpen = false;
    let delay = RETRY_MIN_MS;

    const fire = () => {
      clearTimeout(debounce);
      debounce = undefined;
      firstPending = null;
      onChangeRef.current();
    };
    const schedule = () => {
      const now = Date.now();
      firstPending ??= now;
      clearTimeout(debounce);
      debounce = setTimeout(fire, Math.min(DEBOUNCE_MS, firstPending + MAX_WAIT_MS - now));
    };
    const onOpen = () => {
      setState('live');
      delay = RETRY_MIN_MS;
      // The first open follows the page's own first read; every later one may have missed events.
      if (everOpen) fire();
      everOpen = true;
    };
    const onError = () => {
      setState(everOpen ? 'reconnecting' : 'connecting');
      if (source?.readyState !== EventSource.CLOSED) return; // the browser retries by itself
      close();
      retry = setTimeout(connect, delay);
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    };
    function close() {
      if (!source) return;
      source.removeEventListener('open', onOpen);
      source.removeEventListener('error', onError);
      source.removeEventListener('case', schedule);
      source.removeEventListener('resync', fire);
      source.close();
      source = null;
    }
    function connect() {
      retry = undefined;
      source = new EventSource(url, { withCredentials: true });
      source.addEventListener('open', onOpen);
      source.addEventListener('error', onError);
      source.addEventListener('case', schedule);
      source.addEventListener('resync', fire);
    }

    connect();
    return () => {
      close();
      clearTimeout(debounce);
      clearTimeout(retry);
    };
  }, [url]);

  return state;
}
