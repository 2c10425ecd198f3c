import { Button, Card, Input, Space, Typography } from 'antd';
import { LeftOutlined, PlusOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { CASE_STATES, type CaseState } from '@wangge/shared';
import { ExportButtons, withExportReason } from '../../../components/export-buttons';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { PATHS, casePath } from '../../../app/paths';
import { useHasPermission } from '../../auth/api';
import { QUEUE_REFRESH_MS, useCaseList, type CaseListParams } from '../api';
import { CaseList } from '../components/case-list';
import { QueueFilters, type QueueFilterValues } from '../components/queue-filters';

const PAGE_SIZE = 20;

function isState(s: string): s is CaseState {
  return (CASE_STATES as readonly string[]).includes(s);
}

/** The search box and the reporter's name, beside the filters (both in the URL too). */
interface QueueSearch {
  q: string;
  reporter: string;
}

/** Filters live in the URL, so a case page's "back" returns to the same view. */
function readFilters(params: URLSearchParams): QueueFilterValues & QueueSearch {
  return {
    q: params.get('q') ?? '',
    reporter: params.get('reporter') ?? '',
    states: (params.get('state') ?? '').split(',').filter(isState),
    classCode: params.get('class') || null,
    areaCode: params.get('area') || null,
    overdue: params.get('overdue') === '1',
    includeEnded: params.get('ended') === '1',
  };
}

function writeFilters(f: QueueFilterValues & QueueSearch): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.reporter) p.set('reporter', f.reporter);
  if (f.states.length) p.set('state', f.states.join(','));
  if (f.classCode) p.set('class', f.classCode);
  if (f.areaCode) p.set('area', f.areaCode);
  if (f.overdue) p.set('overdue', '1');
  if (f.includeEnded) p.set('ended', '1');
  return p;
}

/** The query of the list and of its export (the same selection, without paging). */
function selection(f: QueueFilterValues & QueueSearch): Omit<CaseListParams, 'limit' | 'offset'> {
  return {
    ...(f.q ? { q: f.q } : {}),
    ...(f.reporter ? { reporter: f.reporter } : {}),
    ...(f.states.length
      ? { state: f.states.join(',') }
      : f.includeEnded
        ? {}
        : { open: 'true' as const }),
    ...(f.overdue ? { overdue: 'true' as const } : {}),
    ...(f.classCode ? { classCode: f.classCode } : {}),
    ...(f.areaCode ? { areaCode: f.areaCode } : {}),
  };
}

function casesExportUrl(params: Omit<CaseListParams, 'limit' | 'offset'>): string {
  const qs = new URLSearchParams(
    Object.entries(params).map(([k, v]) => [k, String(v)] as [string, string]),
  ).toString();
  return qs ? `/api/cases/export?${qs}` : '/api/cases/export';
}

function toQuery(f: QueueFilterValues & QueueSearch, page: number): CaseListParams {
  return {
    ...selection(f),
    // One extra row tells whether there is a next page.
    limit: PAGE_SIZE + 1,
    offset: (page - 1) * PAGE_SIZE,
  };
}

/** 案件队列 of the supervision centre: most urgent first, refreshed every 30 s. */
export function CaseQueuePage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const canReport = useHasPermission('cases.report');
  // Reporters are found by name only by those who may look staff up (the server refuses others).
  const canSearchReporter = useHasPermission('users.read');
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useCaseList(toQuery(filters, page), { refetchInterval: QUEUE_REFRESH_MS });
  const rows = list.data?.items.slice(0, PAGE_SIZE) ?? [];
  const hasNext = (list.data?.items.length ?? 0) > PAGE_SIZE;

  const goPage = (next: number) => {
    const p = writeFilters(filters);
    if (next > 1) p.set('page', String(next));
    setParams(p, { replace: true });
  };

  return (
    <PageContainer
      title={t('cases.queueTitle')}
      extra={
        <Space wrap>
          <ExportButtons
            url={(reason) => withExportReason(casesExportUrl(selection(filters)), reason)}
            label="cases.export"
            testId="cases-export"
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void list.refetch()}
            loading={list.isFetching}
            aria-label={t('common.retry')}
          />
          {canReport ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate(PATHS.reportCase)}
            >
              {t('nav.report')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <div className="queue-search">
          <Input.Search
            key={`q:${filters.q}`}
            allowClear
            defaultValue={filters.q}
            maxLength={50}
            placeholder={t('cases.search')}
            onSearch={(q) =>
              setParams(writeFilters({ ...filters, q: q.trim() }), { replace: true })
            }
            data-testid="queue-search"
          />
          {canSearchReporter ? (
            <Input.Search
              key={`r:${filters.reporter}`}
              allowClear
              defaultValue={filters.reporter}
              maxLength={30}
              placeholder={t('cases.searchReporter')}
              onSearch={(reporter) =>
                setParams(writeFilters({ ...filters, reporter: reporter.trim() }), {
                  replace: true,
                })
              }
              data-testid="queue-search-reporter"
            />
          ) : null}
        </div>
        <QueueFilters
          value={filters}
          onChange={(f) => setParams(writeFilters({ ...filters, ...f }), { replace: true })}
        />
      </Card>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }} className="queue-card">
          <CaseList
            items={rows}
            loading={list.isPending}
            onOpen={(id) => void navigate(casePath(id))}
          />
          <div className="queue-pager">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {list.dataUpdatedAt
                ? t('cases.updatedAt', {
                    time: new Date(list.dataUpdatedAt).toLocaleTimeString(
                      lang === 'zh' ? 'zh-CN' : 'en-GB',
                    ),
                  })
                : null}
            </Typography.Text>
            <Space>
              <Button
                size="small"
                icon={<LeftOutlined />}
                disabled={page <= 1}
                onClick={() => goPage(page - 1)}
                aria-label={t('cases.prevPage')}
              />
              <span data-testid="queue-page">{t('cases.page', { n: page })}</span>
              <Button
                size="small"
                icon={<RightOutlined />}
                disabled={!hasNext}
                onClick={() => goPage(page + 1)}
                aria-label={t('cases.nextPage')}
              />
            </Space>
          </div>
        </Card>
      )}
    </PageContainer>
  );
}
