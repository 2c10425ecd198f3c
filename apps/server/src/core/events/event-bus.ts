/**
 * A small publish/subscribe bus for committed changes (live updates). Publishers are services
 * that have just committed a transaction; subscribers are the open server-sent event streams.
 * Delivery is best effort: an event missed during a reconnect is announced as a gap, never replayed.
 */
export interface BusEvent {
  readonly type: string;
}

/** The logger the bus reports to (pino's and Fastify's loggers fit). */
export interface BusLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SubscribeOptions {
  /** Events may have been lost (the PostgreSQL listener reconnected): a consumer should reload what it shows. */
  onGap?: () => void;
}

export interface EventBus<E extends BusEvent> {
  /** Hands the event to every subscriber of every process; never throws and never waits. */
  publish(event: E): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: (event: E) => void, opts?: SubscribeOptions): () => void;
  /** Stops delivery and releases connections; pending publications are flushed first. */
  close(): Promise<void>;
}

/** The subscribers of one process; each is called in isolation, so one failing listener harms no other. */
export function createListenerSet<E extends BusEvent>(log: BusLog) {
  const subscribers = new Set<{ listener: (event: E) => void; opts: SubscribeOptions }>();
  const each = (
    what: string,
    call: (s: { listener: (event: E) => void; opts: SubscribeOptions }) => void,
  ) => {
    for (const s of [...subscribers]) {
      try {
        call(s);
      } catch (err) {
        log.error({ err }, `event ${what} listener failed`);
      }
    }
  };
  return {
    add(listener: (event: E) => void, opts: SubscribeOptions = {}): () => void {
      const entry = { listener, opts };
      subscribers.add(entry);
      return () => void subscribers.delete(entry);
    },
    deliver: (event: E) => each('delivery', (s) => s.listener(event)),
    gap: () => each('gap', (s) => s.opts.onGap?.()),
    clear: () => subscribers.clear(),
    get size() {
      return subscribers.size;
    },
  };
}

/**
 * The bus of a single-process deployment (SQLite). Delivery is deferred to a microtask so a
 * publisher never runs listener code inside its own call, as with the PostgreSQL bus.
 */
export function createInProcessEventBus<E extends BusEvent>(log: BusLog): EventBus<E> {
  const listeners = createListenerSet<E>(log);
  let closed = false;
  return {
    publish(event) {
      if (closed) return;
      queueMicrotask(() => {
        if (!closed) listeners.deliver(event);
      });
    },
    subscribe: (listener, opts) => listeners.add(listener, opts),
    async close() {
      closed = true;
      listeners.clear();
    },
  };
}
