import {
  PublicCategoryListSchema,
  PublicCaseParamsSchema,
  PublicCaseQuerySchema,
  PublicCaseViewSchema,
  PublicRatingRequestSchema,
  PublicReopenRequestSchema,
  PublicReportRequestSchema,
  PublicReportResultSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { citizenOf } from './citizen-device';
import type { PublicCasesService } from './public-cases.service';
import type { PublicBoardService } from './public-board.service';

// Citizens report and follow their cases without an account (12345-style portal); the receipt secret is the
// credential, and every route is throttled per address in the service.
export const PORTAL = {
  public: true,
  reason: 'citizen portal: reports and receipt look-ups without an account',
} as const;

export function registerPublicCasesRoutes(
  app: App,
  svc: PublicCasesService,
  opts: { secureCookies: boolean; board: Pick<PublicBoardService, 'verifyPow' | 'publish'> },
): void {
  const tags = ['public'];
  app.get(
    '/api/public/categories',
    {
      schema: {
        tags,
        summary: '市民上报可选的问题类型 (事项/综治小类)',
        response: { 200: PublicCategoryListSchema },
      },
      config: { auth: PORTAL },
    },
    async () => ({ items: await svc.categories() }),
  );
  app.post(
    '/api/public/cases',
    {
      schema: {
        tags,
        summary:
          '市民上报 (无需登录; 须带计算验证 pow; 返回查询码与查询密码, 密码只显示一次; 公开内容待审核)',
        body: PublicReportRequestSchema,
        response: { 200: PublicReportResultSchema, 201: PublicReportResultSchema },
      },
      config: { auth: PORTAL },
    },
    async (req, reply) => {
      const who = citizenOf(req, reply, opts);
      await opts.board.verifyPow(req.body.pow);
      const r = await svc.report(req.body, who);
      if (r.created) await opts.board.publish(r.caseNo);
      return reply.status(r.created ? 201 : 200).send(r);
    },
  );
  app.get(
    '/api/public/cases/:caseNo',
    {
      schema: {
        tags,
        summary:
          '市民查询办理进度 (查询密码放在 x-receipt 头或 secret 参数; 号码或密码不对均为 404)',
        params: PublicCaseParamsSchema,
        querystring: PublicCaseQuerySchema,
        response: { 200: PublicCaseViewSchema },
      },
      config: { auth: PORTAL },
    },
    async (req) => {
      const header = req.headers['x-receipt'];
      return svc.track(
        req.params.caseNo,
        typeof header === 'string' && header ? header : req.query.secret,
        req.ip,
      );
    },
  );
  app.post(
    '/api/public/cases/:caseNo/rating',
    {
      schema: {
        tags,
        summary: '市民评价 (不满意并说明原因, 在重开期限内即申请重开)',
        params: PublicCaseParamsSchema,
        body: PublicRatingRequestSchema,
        response: { 200: PublicCaseViewSchema },
      },
      config: { auth: PORTAL },
    },
    async (req) => svc.rate(req.params.caseNo, req.body, req.ip),
  );
  app.post(
    '/api/public/cases/:caseNo/reopen',
    {
      schema: {
        tags,
        summary: '市民申请重开 (结案后重开期限内)',
        params: PublicCaseParamsSchema,
        body: PublicReopenRequestSchema,
        response: { 200: PublicCaseViewSchema },
      },
      config: { auth: PORTAL },
    },
    async (req) => svc.requestReopen(req.params.caseNo, req.body, req.ip),
  );
}
