import type { Needs, Platform, WiredModule } from '../../wiring';
import { createDeliveryWorker } from './hotline-delivery';
import { registerHotlineRoutes } from './hotline.routes';
import { createHotlineRepo } from './hotline.repo';
import { createHotlineService, type HotlineService } from './hotline.service';

/** How often a server process looks for due webhooks; a change to a 12345 case also sends at once. */
const PASS_EVERY_MS = 5_000;

export type HotlineModule = WiredModule<HotlineService> & {
  /** Starts this process's sender (serve only; tests run passes themselves). Returns the function that stops it. */
  startSender(onError: (err: unknown) => void): () => void;
};

/**
 * The 12345 round trip (docs/12345.md). It listens to the case events every module hears (the bus: in process on
 * SQLite, LISTEN/NOTIFY on PostgreSQL, so every process hears every change), reads the case and its log through the
 * cases module, and sends the centre's messages from its own delivery table. The centre's URL and secret are read
 * from the configuration at each use and never logged.
 */
export function hotlineModule(p: Platform, needs: Needs<'cases'>): HotlineModule {
  const repo = createHotlineRepo(p.db);
  const centre = () => p.config.hotline;
  const worker = createDeliveryWorker({ repo, clock: p.clock, random: p.random, centre });
  let kick: (() => void) | null = null;
  const service = createHotlineService({
    repo,
    clock: p.clock,
    audit: p.audit,
    cases: () => needs().cases,
    centre,
    worker,
    queued: () => kick?.(),
  });

  p.events.subscribe(
    (e) => {
      if (e.type !== 'case.changed') return;
      // A failure (a case unreadable, the database away) is reported; the next change of the case re-reads its log.
      service.onCaseChanged(e).catch((err: unknown) => p.onError(err));
    },
    { onGap: () => void service.catchUp().catch((err: unknown) => p.onError(err)) },
  );

  function startSender(onError: (err: unknown) => void) {
    let running = false;
    let again = false;
    const pass = () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      worker
        .runOnce()
        .catch(onError)
        .finally(() => {
          running = false;
          if (again) {
            again = false;
            pass();
          }
        });
    };
    kick = pass;
    const timer = setInterval(pass, PASS_EVERY_MS);
    timer.unref();
    pass();
    return () => {
      clearInterval(timer);
      kick = null;
    };
  }

  return {
    service,
    routes: (app) => registerHotlineRoutes(app, service, centre, p.clock),
    startSender,
  };
}
