import {
  IndicatorDrillQuerySchema,
  IndicatorDrillSchema,
  IndicatorFiguresSchema,
  IndicatorQuerySchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { IndicatorsApi } from './indicators.module';

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
}
