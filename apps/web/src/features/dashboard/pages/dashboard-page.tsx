import { lazy, Suspense, useMemo, useState } from 'react';
import { Skeleton, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { periodContaining, type AreaLevel, type IndicatorId } from '@wangge/shared';
import { AreaSelect } from '../../../components/area-select';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { isoDateTime, isoDay } from '../../../lib/date-format';
import { useI18n } from '../../../lib/i18n';
import { useHasPermission, useMe } from '../../auth/api';
import { useAreaIndex } from '../../cases/lookups-api';
import { RegistryFiguresPanel } from '../../registry-figures';
import { useIndicatorFigures, type DashboardFilter, type DrillTarget } from '../api';
import { DrillDrawer } from '../components/drill-drawer';
import { HEADLINE_IDS, HeadlineCards } from '../components/headline-cards';
import { PeriodPicker } from '../components/period-picker';
import { RankingSection } from '../components/ranking-section';
import { FUNNEL_IDS, StageFunnel } from '../components/stage-funnel';
import { childGroupBy } from '../dashboard-format';
import '../dashboard.css';

// OpenLayers stays out of the dashboard's first chunk: the map panel is its own chunk, loaded after the page.
const CaseMapPanel = lazy(() => import('../components/case-map-panel'));

const TOP_IDS: readonly IndicatorId[] = [...new Set<IndicatorId>([...HEADLINE_IDS, ...FUNNEL_IDS])];
const LEVELS: readonly AreaLevel[] = ['district', 'street', 'community', 'grid'];
const PICKABLE: readonly AreaLevel[] = ['district', 'street', 'community'];

/**
 * 领导驾驶舱: the area's headline figures with 环比/同比, on-time rates ranked by department and by the level
 * below, the stage funnel, and the register figures. Area and period live in the URL (bookmarkable, shareable).
 */
export function DashboardPage() {
  const { t } = useI18n();
  const me = useMe();
  const areas = useAreaIndex();
  const canRegistry = useHasPermission('registry.read');
  const canCases = useHasPermission('cases.read');
  const [params, setParams] = useSearchParams();
  const thisMonth = useMemo(() => periodContaining('month', new Date()).key, []);
  const areaCode = params.get('area') || null;
  const period = params.get('period') || thisMonth;
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const filter: DashboardFilter = { areaCode, period };

  // The level of what is shown: the picked area's, else the broadest root of the viewer's scope.
  const level = areaCode
    ? areas.data?.items.find((a) => a.code === areaCode)?.level
    : [...me.areas].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level))[0]?.level;
  const below = childGroupBy(me.allAreas && !areaCode ? 'district' : level);

  const top = useIndicatorFigures(filter, 'none', TOP_IDS, true);
  const row = top.data?.rows[0];
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  return (
    <PageContainer title={t('dashboard.title')}>
      <div className="dashboard-filters">
        <AreaSelect
          value={areaCode ?? undefined}
          onChange={(code) => set('area', code)}
          placeholder={t('dashboard.allAreas')}
          levels={PICKABLE}
          testId="dashboard-area"
        />
        <PeriodPicker value={period} onChange={(k) => set('period', k === thisMonth ? null : k)} />
      </div>
      {top.isError ? <QueryError error={top.error} onRetry={() => void top.refetch()} /> : null}
      {top.data ? (
        <Typography.Text type="secondary" className="dashboard-asof">
          {top.data.period.key} ·{' '}
          {t('dashboard.asOf', { time: isoDateTime(top.data.asOf), scheme: top.data.scheme })}
          {/* Figures of a published (frozen) period come from its snapshot, not the live log. */}
          {top.data.publication ? (
            <Tag color="blue" className="dashboard-published" data-testid="dashboard-published">
              {t('dashboard.published', {
                n: top.data.publication.version,
                date: isoDay(new Date(top.data.publication.publishedAt)),
              })}
            </Tag>
          ) : null}
        </Typography.Text>
      ) : null}
      <HeadlineCards row={row} onDrill={setDrill} />
      {canCases ? (
        <Suspense fallback={<Skeleton.Node active className="dashboard-map-loading" />}>
          <CaseMapPanel areaCode={areaCode} />
        </Suspense>
      ) : null}
      <div className="dashboard-grid">
        <RankingSection
          filter={filter}
          groupBy="department"
          title={t('dashboard.onTimeByDept')}
          testId="dashboard-by-dept"
        />
        {below ? (
          <RankingSection
            filter={filter}
            groupBy={below}
            title={t('dashboard.onTimeByArea', { level: t(`dashboard.level.${below}`) })}
            testId="dashboard-by-area"
          />
        ) : null}
        <StageFunnel row={row} filter={filter} />
      </div>
      {canRegistry ? (
        <section className="dashboard-registries">
          <Typography.Title level={5}>{t('dashboard.registries')}</Typography.Title>
          <RegistryFiguresPanel
            areaCode={areaCode}
            period={/^\d{4}(-\d{2}|-Q\d)?$/.test(period) ? period : null}
          />
        </section>
      ) : null}
      <DrillDrawer filter={filter} target={drill} onClose={() => setDrill(null)} />
    </PageContainer>
  );
}
