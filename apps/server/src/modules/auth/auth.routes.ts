import {
  ChangePasswordRequestSchema,
  CreateTokenRequestSchema,
  CreateTokenResponseSchema,
  IdParamSchema,
  LoginRequestSchema,
  OkResponseSchema,
  SessionResponseSchema,
  TokenListSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import { AppError } from '../../core/errors';
import { DEVICE_COOKIE } from './auth-login';
import { SESSION_COOKIE, type AuthService } from './auth.service';

export function registerAuthRoutes(
  app: App,
  auth: AuthService,
  opts: { secureCookies: boolean },
): void {
  const tags = ['auth'];
  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: '登录',
        body: LoginRequestSchema,
        response: { 200: SessionResponseSchema },
      },
      config: { auth: { public: true, reason: 'the login itself' } },
    },
    async (req, reply) => {
      const attempt = {
        username: req.body.username,
        password: req.body.password,
        ip: req.ip,
        deviceCookie: req.cookies[DEVICE_COOKIE] ?? null,
      };
      const s = await auth.login(attempt, req.headers['user-agent'] ?? null);
      // Secure whenever the request came over HTTPS (directly or via a trusted proxy), always with WANGGE_SECURE_COOKIES=1.
      const secure = opts.secureCookies || req.protocol === 'https';
      reply.setCookie(SESSION_COOKIE, s.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        maxAge: s.maxAgeSeconds,
      });
      // Marks this browser as one the user signs in from: its correct password passes locks set off by others.
      reply.setCookie(DEVICE_COOKIE, s.device.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure,
        path: '/api/auth',
        maxAge: s.device.maxAgeSeconds,
      });
      const me = await auth.meForUser(s.userId);
      if (!me) throw new AppError('invalid_credentials');
      return { user: me.me, csrfToken: s.csrf };
    },
  );
  app.post(
    '/api/auth/logout',
    {
      schema: { tags, summary: '退出登录', response: { 200: OkResponseSchema } },
      config: {
        auth: { permission: 'authenticated', scope: 'self', allowWhenPasswordExpired: true },
      },
    },
    async (req, reply) => {
      await auth.logout(actorOf(req), req.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
  app.get(
    '/api/auth/me',
    {
      schema: { tags, summary: '当前用户', response: { 200: SessionResponseSchema } },
      config: {
        auth: { permission: 'authenticated', scope: 'self', allowWhenPasswordExpired: true },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return { user: await auth.me(actor), csrfToken: actor.csrfToken ?? '' };
    },
  );
  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: '修改密码',
        body: ChangePasswordRequestSchema,
        response: { 200: OkResponseSchema },
      },
      config: {
        auth: { permission: 'authenticated', scope: 'self', allowWhenPasswordExpired: true },
      },
    },
    async (req) => {
      await auth.changePassword(
        actorOf(req),
        req.body.currentPassword,
        req.body.newPassword,
        req.ip,
      );
      return { ok: true as const };
    },
  );
  app.get(
    '/api/auth/tokens',
    {
      schema: { tags, summary: '我的 API 令牌', response: { 200: TokenListSchema } },
      config: { auth: { permission: 'tokens.manage', scope: 'self' } },
    },
    async (req) => ({ items: await auth.listTokens(actorOf(req)) }),
  );
  app.post(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary: '新建 API 令牌 (对接系统用)',
        body: CreateTokenRequestSchema,
        response: { 201: CreateTokenResponseSchema },
      },
      config: { auth: { permission: 'tokens.manage', scope: 'self' } },
    },
    async (req, reply) =>
      reply.status(201).send(await auth.createToken(actorOf(req), req.body, req.ip)),
  );
  app.delete(
    '/api/auth/tokens/:id',
    {
      schema: {
        tags,
        summary: '吊销 API 令牌',
        params: IdParamSchema,
        response: { 200: OkResponseSchema },
      },
      config: { auth: { permission: 'tokens.manage', scope: 'self' } },
    },
    async (req) => {
      await auth.revokeToken(actorOf(req), req.params.id, req.ip);
      return { ok: true as const };
    },
  );
}
