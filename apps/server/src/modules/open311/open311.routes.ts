import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../core/http/app-types';
import type { RouteAuth } from '../../core/http/route-auth';
import { asOpen311, notFound311 } from './open311-errors';
import { CONTENT_TYPES, FORMATS, render, type Format, type Value } from './open311-format';
import { DEFINITION_ITEMS } from './open311-catalogue';
import { parseForm, type Params } from './open311-params';
import type { Open311Service } from './open311.service';
import { REQUEST_ITEMS } from './open311-view';

export const OPEN311_BASE = '/open311/v2';

// GeoReport v2 is open by design: reads are keyless, and the one write (POST requests) is authenticated by the
// partner's api_key in the form, checked by the service, not by a session.
const READ: RouteAuth = { public: true, reason: 'Open311 GeoReport v2: keyless public reads' };
const WRITE: RouteAuth = {
  public: true,
  reason: 'Open311 GeoReport v2: POST requests authenticated by the partner api_key',
};

// Not in /api/openapi.json: the spec itself is the contract (docs/open311.md), and the answers are XML or JSON.
const HIDDEN = { hide: true };

const formatOf = (url: string): Format => (/\.xml(\?|$)/i.test(url) ? 'xml' : 'json');

/** `{id}.{fmt}` of a path segment; a missing or other suffix is a 404 (the resource does not exist). */
function splitFile(file: string): { id: string; format: Format } {
  const m = /^(.+)\.(xml|json)$/i.exec(file);
  if (!m || !m[1]) throw notFound311(`${file}: add .xml or .json`);
  return { id: m[1], format: m[2]!.toLowerCase() as Format };
}

function send(
  reply: FastifyReply,
  format: Format,
  root: string,
  body: Value,
  items = {},
  status = 200,
) {
  return reply
    .status(status)
    .type(CONTENT_TYPES[format])
    .send(render(format, root, body, items));
}

function sendErrors(reply: FastifyReply, format: Format, status: number, description: string) {
  return send(
    reply,
    format,
    'errors',
    [{ code: status, description }],
    { errors: 'error' },
    status,
  );
}

const params = (req: FastifyRequest): Params => ({
  ...(req.query as Params),
  ...(req.body && typeof req.body === 'object' ? (req.body as Params) : {}),
});

/**
 * The Open311 routes in a context of their own: form bodies, and errors as the spec's list in the format the path
 * asks for, instead of the platform's JSON error.
 */
export function registerOpen311Routes(app: App, svc: Open311Service): void {
  app.register(
    async (scope) => {
      scope.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string' },
        (_req, body, done) => done(null, parseForm(String(body))),
      );
      scope.setErrorHandler((err, req, reply) => {
        const known = asOpen311(err);
        if (!known) req.log.error({ err }, 'open311 request failed');
        return sendErrors(
          reply,
          formatOf(req.url),
          known?.status ?? 500,
          known?.description ?? 'The server could not answer; try again later',
        );
      });
      scope.setNotFoundHandler((req, reply) =>
        sendErrors(reply, formatOf(req.url), 404, 'No such Open311 resource'),
      );

      for (const fmt of FORMATS) {
        scope.get(
          `/discovery.${fmt}`,
          { schema: HIDDEN, config: { auth: READ } },
          async (req, reply) => {
            const base = `${req.protocol}://${req.host}${OPEN311_BASE}`;
            return send(reply, fmt, 'discovery', await svc.discovery(base), {
              endpoints: 'endpoint',
              formats: 'format',
            });
          },
        );
        scope.get(
          `/services.${fmt}`,
          { schema: HIDDEN, config: { auth: READ } },
          async (req, reply) =>
            send(reply, fmt, 'services', await svc.services(params(req)), { services: 'service' }),
        );
        scope.get(
          `/requests.${fmt}`,
          { schema: HIDDEN, config: { auth: READ } },
          async (req, reply) =>
            send(reply, fmt, 'service_requests', await svc.query(params(req)), REQUEST_ITEMS),
        );
        scope.post(
          `/requests.${fmt}`,
          { schema: HIDDEN, config: { auth: WRITE } },
          async (req, reply) =>
            send(
              reply,
              fmt,
              'service_requests',
              await svc.create({ params: params(req), ip: req.ip }),
              REQUEST_ITEMS,
              201,
            ),
        );
      }
      scope.get<{ Params: { file: string } }>(
        '/services/:file',
        { schema: HIDDEN, config: { auth: READ } },
        async (req, reply) => {
          const { id, format } = splitFile(req.params.file);
          return send(
            reply,
            format,
            'service_definition',
            await svc.definition(params(req), id),
            DEFINITION_ITEMS,
          );
        },
      );
      scope.get<{ Params: { file: string } }>(
        '/requests/:file',
        { schema: HIDDEN, config: { auth: READ } },
        async (req, reply) => {
          const { id, format } = splitFile(req.params.file);
          return send(
            reply,
            format,
            'service_requests',
            await svc.one(params(req), id),
            REQUEST_ITEMS,
          );
        },
      );
      scope.get<{ Params: { file: string } }>(
        '/tokens/:file',
        { schema: HIDDEN, config: { auth: READ } },
        async (req) => {
          const { id } = splitFile(req.params.file);
          return svc.token(params(req), id);
        },
      );
    },
    { prefix: OPEN311_BASE },
  );
}
