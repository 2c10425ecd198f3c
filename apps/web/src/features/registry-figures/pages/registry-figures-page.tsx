import { useMemo } from 'react';
import { Button, Segmented, Select, Tabs } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { FIGURE_GROUP_BYS, periodContaining, type FigureGroupBy } from '@wangge/shared';
import { AreaSelect } from '../../../components/area-select';
import { PageContainer } from '../../../components/page-container';
import { useHasPermission } from '../../auth/api';
import { useI18n } from '../../../lib/i18n';
import { figuresXlsxUrl } from '../api';
import { GridWorkerPanel } from '../components/grid-worker-panel';
import { RegistryFiguresPanel } from '../components/registry-figures-panel';
import '../registry-figures.css';

/** The last twelve months, this quarter and this year, newest first (keys of indicator-periods). */
function periodOptions(now: Date): string[] {
  const months: string[] = [];
  for (let i = 0; i < 12; i++) {
    const d = new Date(now.getTime());
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - i);
    months.push(periodContaining('month', d).key);
  }
  return [...months, periodContaining('quarter', now).key, periodContaining('year', now).key];
}

/** 统计 · 登记与走访 for leaders: filters in the URL, so a view can be bookmarked and shared. */
export function RegistryFiguresPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const canSupervise = useHasPermission('cases.supervise');
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const areaCode = params.get('area') || null;
  const period = params.get('period') || null;
  const raw = params.get('groupBy');
  const groupBy: FigureGroupBy = (FIGURE_GROUP_BYS as readonly string[]).includes(raw ?? '')
    ? (raw as FigureGroupBy)
    : 'none';
  const tab = params.get('tab') === 'workers' && canSupervise ? 'workers' : 'registries';
  const options = useMemo(() => periodOptions(new Date()), []);
  const thisMonth = options[0]!;

  return (
    <PageContainer
      title={t('figures.title')}
      extra={
        tab === 'registries' ? (
          <Button
            icon={<DownloadOutlined />}
            href={figuresXlsxUrl({ areaCode, period }, groupBy)}
            data-testid="figures-export"
          >
            {t('figures.export')}
          </Button>
        ) : null
      }
    >
      <div className="registry-figures__filters">
        <AreaSelect
          value={areaCode ?? undefined}
          onChange={(code) => set('area', code)}
          placeholder={t('figures.allAreas')}
          testId="figures-area"
          style={{ minWidth: 160, flex: '0 1 320px' }}
        />
        <Select
          value={period ?? thisMonth}
          onChange={(v) => set('period', v === thisMonth ? null : v)}
          options={options.map((k) => ({
            value: k,
            label: k === thisMonth ? `${k}（${t('figures.thisMonth')}）` : k,
          }))}
          style={{ minWidth: 150 }}
          aria-label={t('figures.period')}
          data-testid="figures-period"
        />
        {tab === 'registries' ? (
          <Segmented<FigureGroupBy>
            value={groupBy}
            onChange={(v) => set('groupBy', v === 'none' ? null : v)}
            options={FIGURE_GROUP_BYS.map((g) => ({ value: g, label: t(`figures.groupBy.${g}`) }))}
            data-testid="figures-group-by"
          />
        ) : null}
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => set('tab', k === 'registries' ? null : k)}
        items={[
          {
            key: 'registries',
            label: t('figures.tabRegistries'),
            children: (
              <RegistryFiguresPanel areaCode={areaCode} period={period} groupBy={groupBy} />
            ),
          },
          ...(canSupervise
            ? [
                {
                  key: 'workers',
                  label: t('figures.tabWorkers'),
                  children: <GridWorkerPanel areaCode={areaCode} period={period} />,
                },
              ]
            : []),
        ]}
      />
    </PageContainer>
  );
}
