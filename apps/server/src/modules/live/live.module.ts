import type { FastifyBaseLogger } from 'fastify';
import type { Needs, Platform, WiredModule } from '../../wiring';
import { createLiveService, type LiveService } from './live.service';
import { registerLiveRoutes } from './live.routes';

/**
 * Streams of case changes from the event bus; needs auth to re-check each stream's actor. Wired by createApp, which
 * has the server's logger, and bound to the auth module so ended sessions close their streams.
 */
export function liveModule(
  p: Pick<Platform, 'events'>,
  log: FastifyBaseLogger,
  needs: Needs<'auth'>,
): WiredModule<LiveService> {
  const service = createLiveService({
    events: p.events,
    log,
    stillValid: (actor) => needs().auth.stillValid(actor),
  });
  return { service, routes: (app) => registerLiveRoutes(app, service) };
}
