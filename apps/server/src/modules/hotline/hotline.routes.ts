import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  HotlineActionResultSchema,
  HotlineDeliveryListQuerySchema,
  HotlineDeliveryListSchema,
  HotlineDeliverySchema,
  HotlineDispatchResultSchema,
  HotlineDispatchSchema,
  HotlineOrderParamsSchema,
  HotlineSuperviseSchema,
  HotlineUrgeSchema,
  HotlineVisitSchema,
  HotlineWithdrawSchema,
  IdParamSchema,
} from '@wangge/shared';
import type { Clock } from '../../core/clock';
import { AppError } from '../../core/errors';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { RouteAuth } from '../../core/http/route-auth';
import type { HotlineService } from './hotline.service';
import { headerValue, SIGNATURE_HEADER, TIMESTAMP_HEADER, verify } from './hotline-signature';

const INBOUND: RouteAuth = { permission: 'hotline.inbound', scope: 'subtree' };
const ADMIN: RouteAuth = { permission: 'settings.manage', scope: 'global' };

/** Each inbound request's body exactly as received: the signature is over these bytes, not a re-serialisation. */
const rawBodies = new WeakMap<FastifyRequest, string>();

const WHY: Record<string, string> = {
  missing: '缺少签名或时间戳',
  malformed: '签名或时间戳格式不正确',
  stale: '时间戳与服务器时间相差超过 5 分钟',
  mismatch: '签名不正确',
};

/**
 * The centre's calls (token of the 'hotline' role) and the administrators' delivery log. When a shared secret is
 * configured every inbound call must also be signed like our webhooks (x-wangge-timestamp, x-wangge-signature over
 * `timestamp.body`), checked before the body is used.
 */
export function registerHotlineRoutes(
  app: App,
  hotline: HotlineService,
  centre: () => { secret: string | null },
  clock: Clock,
): void {
  const tags = ['hotline'];

  void app.register(async (scope) => {
    const inbound = scope.withTypeProvider<ZodTypeProvider>();
    inbound.removeContentTypeParser('application/json');
    inbound.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      rawBodies.set(req, text);
      try {
        done(null, text.length ? JSON.parse(text) : {});
      } catch {
        done(
          new AppError('validation_failed', '请求体不是有效的 JSON', { field: 'body' }),
          undefined,
        );
      }
    });
    inbound.addHook('preValidation', async (req) => {
      const secret = centre().secret;
      if (!secret) return;
      const r = verify(
        secret,
        {
          timestamp: headerValue(req.headers[TIMESTAMP_HEADER]),
          signature: headerValue(req.headers[SIGNATURE_HEADER]),
        },
        rawBodies.get(req) ?? '',
        clock.now(),
      );
      if (!r.ok) throw new AppError('unauthenticated', WHY[r.reason], { field: r.field });
    });

    inbound.post(
      '/api/hotline/inbound/orders',
      {
        schema: {
          tags,
          summary: '12345 派单：热线中心下发工单，登记为 12345 来源的上报 (重复下发返回同一案件)',
          body: HotlineDispatchSchema,
          response: { 200: HotlineDispatchResultSchema, 201: HotlineDispatchResultSchema },
        },
        config: { auth: INBOUND },
      },
      async (req, reply) => {
        const r = await hotline.dispatch(actorOf(req), req.body);
        return reply.status(r.created ? 201 : 200).send(r);
      },
    );
    const schema = <B>(summary: string, body: B) => ({
      tags,
      summary,
      params: HotlineOrderParamsSchema,
      body,
      response: { 200: HotlineActionResultSchema },
    });
    const url = (path: string) => `/api/hotline/inbound/orders/:orderId/${path}`;
    inbound.post(
      url('visit'),
      {
        schema: schema('12345 回访结果：满意度记为评价，不满意可申请重开', HotlineVisitSchema),
        config: { auth: INBOUND },
      },
      async (req) => hotline.visit(actorOf(req), req.params.orderId, req.body),
    );
    inbound.post(
      url('urge'),
      { schema: schema('12345 催办', HotlineUrgeSchema), config: { auth: INBOUND } },
      async (req) => hotline.urge(actorOf(req), req.params.orderId, req.body),
    );
    inbound.post(
      url('supervise'),
      { schema: schema('12345 督办', HotlineSuperviseSchema), config: { auth: INBOUND } },
      async (req) => hotline.supervise(actorOf(req), req.params.orderId, req.body),
    );
    inbound.post(
      url('withdraw'),
      {
        schema: schema('12345 撤回工单 (立案前不予受理，立案后作废)', HotlineWithdrawSchema),
        config: { auth: INBOUND },
      },
      async (req) => hotline.withdraw(actorOf(req), req.params.orderId, req.body),
    );
  });

  app.get(
    '/api/hotline/deliveries',
    {
      schema: {
        tags,
        summary: '12345 回传记录：接单、退回、办理进度、回单的发送状态',
        querystring: HotlineDeliveryListQuerySchema,
        response: { 200: HotlineDeliveryListSchema },
      },
      config: { auth: ADMIN },
    },
    async (req) => hotline.deliveries(req.query),
  );
  app.post(
    '/api/hotline/deliveries/:id/redeliver',
    {
      schema: {
        tags,
        summary: '手动重发一条 12345 回传',
        params: IdParamSchema,
        response: { 200: HotlineDeliverySchema },
      },
      config: { auth: ADMIN },
    },
    async (req) => hotline.redeliver(actorOf(req), req.params.id, req.ip),
  );
}
