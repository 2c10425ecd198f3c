import { useMemo } from 'react';
import { Card, Select, Skeleton, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { CaseOverview, CaseState } from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { api } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { PATHS } from '../../../app/paths';
import { QUEUE_REFRESH_MS } from '../api';
import { lightText, stateLabel } from '../case-format';
import { useAreaIndex } from '../lookups-api';

type Row = CaseOverview['states'][number];
type Light = 'green' | 'yellow' | 'red';
const LEVEL_ORDER = { district: 0, street: 1, community: 2, grid: 3 } as const;

/** The queue filtered to what a number counts (red = overdue; green/yellow have no queue filter of their own). */
function queueLink(area: string | null, state?: CaseState, light?: Light): string {
  const p = new URLSearchParams();
  if (state) p.set('state', state);
  if (area) p.set('area', area);
  if (light === 'red') p.set('overdue', '1');
  const q = p.toString();
  return q ? `${PATHS.cases}?${q}` : PATHS.cases;
}

function Count({ n, to, testId }: { n: number; to: string; testId?: string }) {
  if (n === 0) return <span className="case-muted">0</span>;
  return (
    <Link to={to} data-testid={testId}>
      {n}
    </Link>
  );
}

/** 区域概况: the leader's area at a glance, each number a way into the queue (until the assessment dashboards). */
export function AreaOverviewPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const area = params.get('area') || null;
  const areas = useAreaIndex();
  const overview = useQuery({
    queryKey: ['cases', 'overview', area ?? ''],
    queryFn: ({ signal }) =>
      api.get('/api/cases/overview', {
        params: { query: area ? { areaCode: area } : {} },
        signal,
      }),
    refetchInterval: QUEUE_REFRESH_MS,
  });
  const areaOptions = useMemo(
    () =>
      [...(areas.data?.items ?? [])]
        .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code))
        .map((a) => ({ value: a.code, label: a.name, search: `${a.name} ${a.code}` })),
    [areas.data],
  );

  const data = overview.data;
  const rows = (data?.states ?? []).filter((r) => r.total > 0 || r.state !== 'candidate');
  const lightColumn = (light: Light) => ({
    title: (
      <span className={`overview-light overview-light--${light}`}>{lightText(light, lang)}</span>
    ),
    key: light,
    width: 64,
    align: 'right' as const,
    render: (_: unknown, r: Row) => (
      <Count
        n={r[light]}
        to={queueLink(area, r.state, light)}
        testId={`overview-${r.state}-${light}`}
      />
    ),
  });

  return (
    <PageContainer
      title={t('cases.overviewTitle')}
      extra={
        <Select<string>
          showSearch={{
            filterOption: (input, option) =>
              (option?.search ?? '').toLowerCase().includes(input.toLowerCase()),
          }}
          allowClear
          placeholder={t('cases.overviewAllAreas')}
          value={area ?? undefined}
          onChange={(code) => setParams(code ? { area: code } : {}, { replace: true })}
          options={areaOptions}
          loading={areas.isPending}
          style={{ minWidth: 200 }}
          data-testid="overview-area"
        />
      }
    >
      {overview.isError ? (
        <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <>
          <div className="overview-totals" data-testid="overview-totals">
            <Card size="small">
              <Typography.Text type="secondary">{t('cases.overviewOpen')}</Typography.Text>
              <div className="overview-totals__n">
                <Count n={data.open.total} to={queueLink(area)} testId="overview-open" />
              </div>
            </Card>
            {(['red', 'yellow', 'green'] as const).map((light) => (
              <Card size="small" key={light} className={`overview-totals--${light}`}>
                <Typography.Text type="secondary">
                  <span className={`overview-light overview-light--${light}`}>
                    {lightText(light, lang)}
                  </span>{' '}
                  {t(`cases.overviewLight.${light}`)}
                </Typography.Text>
                <div className="overview-totals__n" data-testid={`overview-total-${light}`}>
                  {light === 'red' ? (
                    <Count n={data.open.red} to={queueLink(area, undefined, 'red')} />
                  ) : (
                    data.open[light]
                  )}
                </div>
              </Card>
            ))}
          </div>
          <Table<Row>
            size="small"
            rowKey="state"
            pagination={false}
            dataSource={rows}
            data-testid="overview-table"
            columns={[
              {
                title: t('cases.overviewState'),
                key: 'state',
                render: (_, r) => stateLabel(r.state, lang),
              },
              {
                title: t('cases.overviewTotal'),
                key: 'total',
                width: 72,
                align: 'right',
                render: (_, r) => (
                  <Count
                    n={r.total}
                    to={queueLink(area, r.state)}
                    testId={`overview-${r.state}-total`}
                  />
                ),
              },
              lightColumn('green'),
              lightColumn('yellow'),
              lightColumn('red'),
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
            {t('cases.overviewHint')}
          </Typography.Paragraph>
        </>
      )}
    </PageContainer>
  );
}
