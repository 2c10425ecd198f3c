import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';

/**
 * What a request log line may say: the method, the route PATTERN (`/api/persons/:id`, never the path with
 * its values), the client address, and for the response its status (Fastify adds the time). Query strings,
 * path values and bodies carry ID numbers, phones, names and receipt secrets, so none of them is logged;
 * a path that matched no route is not logged either, since it is whatever the client typed.
 */
export const redactingSerializers = {
  req(req: FastifyRequest) {
    return {
      method: req.method,
      route: req.routeOptions?.url ?? '(no route)',
      remoteAddress: req.ip,
    };
  },
  res(reply: Pick<FastifyReply, 'statusCode'>) {
    return { statusCode: reply.statusCode };
  },
};

type LoggerOption = FastifyServerOptions['logger'];

/** The app's logger options with the redacting serializers; `false`/absent stays off. */
export function redactedLogger(logger: LoggerOption): LoggerOption {
  if (!logger) return false;
  const base = logger === true ? {} : logger;
  return { ...base, serializers: { ...base.serializers, ...redactingSerializers } };
}

/**
 * One log line per request, written when the answer has gone out (Fastify's default is two: one on arrival, one on
 * completion, which buried the start-up line under thousands). Same redacting serializers, at info level, so
 * LOG_LEVEL=warn (the demo's default) writes none.
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info(
      { req, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 },
      'request',
    );
    done();
  });
}
