import { z } from 'zod';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { LiveService } from './live.service';

// Query of the stream; it joins packages/shared when the web client consumes the stream.
const LiveCasesQuerySchema = z.object({
  departmentOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true = only cases handled by the caller’s department (the department inbox)'),
  areaCode: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional()
    .describe(
      'Narrow to one area subtree (district, street, community or grid code) within what the caller may see',
    ),
});

export function registerLiveRoutes(app: App, live: LiveService): void {
  app.get(
    '/api/live/cases',
    {
      schema: {
        tags: ['live'],
        summary: '案件实时动态 (server-sent events, text/event-stream)',
        description:
          'Frames: `event: case` with the changed case’s ids, codes and states (no personal data); `event: resync` when events may have been missed (reload the list). ' +
          'A case is sent when its grid is in the caller’s area scope or the caller’s department handles it. Reload the list on every (re)connect.',
        querystring: LiveCasesQuerySchema,
      },
      config: { auth: { permission: 'cases.read', scope: 'subtree' } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      live.admit(actor);
      // From here the response is a raw stream that Fastify neither serializes nor ends.
      reply.hijack();
      live.stream(actor, req.query, reply.raw);
    },
  );
  // Open streams would keep server.close() waiting for ever: end them before it.
  app.addHook('preClose', async () => live.closeAll());
}
