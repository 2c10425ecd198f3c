import {
  AssessmentSchemeSchema,
  PublicationListQuerySchema,
  PublicationListSchema,
  PublicationSchema,
  PublishPeriodSchema,
  RecomputePeriodSchema,
  SchemeCodeParamSchema,
  SchemeListSchema,
  IndicatorDrillQuerySchema,
  IndicatorDrillSchema,
  IndicatorFiguresSchema,
  IndicatorQuerySchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { IndicatorsApi } from './indicators.module';
import { indicatorFiguresXlsx } from './indicators-export';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerIndicatorsRoutes(app: App, api: IndicatorsApi): void {
  const tags = ['indicators'];
  app.get(
    '/api/indicators',
    {
      schema: {
        tags,
        summary:
          '监督考核指标: 区域/部门/岗位在一个期间的指标值、综合指标值与等级; groupBy 给排名; compare=1 带环比与同比 (比率分母为零时为 null, 显示 —)',
        querystring: IndicatorQuerySchema,
        response: { 200: IndicatorFiguresSchema },
      },
      config: { auth: { permission: 'indicators.read', scope: 'subtree' } },
    },
    async (req) => api.figures(actorOf(req), req.query),
  );
  app.get(
    '/api/indicators.xlsx',
    {
      schema: {
        tags,
        summary:
          '导出监督考核指标 xlsx (与 GET /api/indicators 同一查询: 每组一行, 每个指标一列, 另有综合指标值/等级/排名)',
        querystring: IndicatorQuerySchema,
        produces: [XLSX],
      },
      config: { auth: { permission: 'indicators.read', scope: 'subtree' } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const figures = await api.figures(actor, req.query);
      const file = await indicatorFiguresXlsx(actor, req.query, figures, new Date());
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="indicators.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .header('cache-control', 'no-store')
        .send(file.buffer);
    },
  );
  app.get(
    '/api/indicators/drill',
    {
      schema: {
        tags,
        summary:
          '指标明细: 构成一个指标值的案件 (分母, 或 part=numerator 的分子), 条数等于指标值; 仅辖区内',
        querystring: IndicatorDrillQuerySchema,
        response: { 200: IndicatorDrillSchema },
      },
      config: { auth: { permission: 'indicators.read', scope: 'subtree' } },
    },
    async (req) => api.drill(actorOf(req), req.query),
  );
  app.get(
    '/api/indicators/publications',
    {
      schema: {
        tags,
        summary: '已发布 (冻结) 的考核期间及其各版本',
        querystring: PublicationListQuerySchema,
        response: { 200: PublicationListSchema },
      },
      config: { auth: { permission: 'indicators.read', scope: 'global' } },
    },
    async (req) => ({ items: await api.publications.list(req.query.period) }),
  );
  app.post(
    '/api/indicators/publications',
    {
      schema: {
        tags,
        summary: '发布一个已结束的考核期间: 其指标、排名与明细从此冻结 (记入审计)',
        body: PublishPeriodSchema,
        response: { 201: PublicationSchema },
      },
      config: { auth: { permission: 'indicators.manage', scope: 'global' } },
    },
    async (req, reply) =>
      reply.status(201).send(await api.publications.publish(actorOf(req), req.body.period)),
  );
  app.post(
    '/api/indicators/publications/recompute',
    {
      schema: {
        tags,
        summary: '重算已发布的期间: 生成新版本, 旧版本仍可查看 (须说明原因, 记入审计)',
        body: RecomputePeriodSchema,
        response: { 201: PublicationSchema },
      },
      config: { auth: { permission: 'indicators.manage', scope: 'global' } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await api.publications.recompute(actorOf(req), req.body.period, req.body.reason)),
  );
  app.get(
    '/api/indicators/schemes',
    {
      schema: {
        tags,
        summary: '考核方案: 各考核对象的指标、权重、计分档与等级',
        response: { 200: SchemeListSchema },
      },
      config: { auth: { permission: 'indicators.read', scope: 'global' } },
    },
    async () => ({ items: await api.publications.schemes() }),
  );
  app.put(
    '/api/indicators/schemes/:code',
    {
      schema: {
        tags,
        summary: '修改考核方案 (权重之和须为 100%; 新版本, 记入审计; 已发布期间保留发布时的方案)',
        params: SchemeCodeParamSchema,
        body: AssessmentSchemeSchema,
        response: {
          200: AssessmentSchemeSchema.extend({
            version: SchemeListSchema.shape.items.element.shape.version,
          }),
        },
      },
      config: { auth: { permission: 'indicators.manage', scope: 'global' } },
    },
    async (req) => api.publications.saveScheme(actorOf(req), req.params.code, req.body),
  );
}
