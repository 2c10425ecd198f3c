import { useMemo, useState, type HTMLAttributes } from 'react';
import { Button, Card, Empty, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { AreaSelect } from '../../../components/area-select';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useMediaQuery } from '../../../lib/use-media-query';
import { reportFileUrl, useGenerateReport, useReports, type ReportData } from '../api';
import { endedMonths } from '../report-months';
import '../reports.css';

/** Levels a report is made for: the leaders' areas. */
const REPORT_LEVELS = ['district', 'street', 'community'] as const;
/** Figures shown in the list; the rest are in the report. */
const LIST_FIGURES = ['reported', 'closed', 'onTimeRate'];

function Headline({ r }: { r: ReportData }) {
  return (
    <span className="reports-headline">
      {r.headline
        .filter((h) => LIST_FIGURES.includes(h.key))
        .map((h) => (
          <span key={h.key} data-testid={`report-figure-${h.key}`}>
            {h.label} <span className="reports-headline__figure">{h.display}</span>
          </span>
        ))}
    </span>
  );
}

function Actions({ r }: { r: ReportData }) {
  const { t } = useI18n();
  return (
    <Space wrap size={4}>
      <Button
        size="small"
        icon={<FileTextOutlined />}
        href={reportFileUrl(r.id, 'html')}
        target="_blank"
        rel="noopener"
        data-testid="report-html"
      >
        {t('reports.openHtml')}
      </Button>
      <Button
        size="small"
        icon={<FilePdfOutlined />}
        href={reportFileUrl(r.id, 'pdf')}
        download
        title={r.pdf ? t('reports.pages', { n: r.pdf.pages }) : t('reports.noPdf')}
        data-testid="report-pdf"
      >
        {t('reports.downloadPdf')}
      </Button>
    </Space>
  );
}

/** On a phone each report is a card: a table of six columns would hide the buttons off to the side. */
function ReportCards({ items, loading }: { items: ReportData[]; loading: boolean }) {
  const { t, lang } = useI18n();
  if (loading) return <Skeleton active />;
  if (items.length === 0) return <Empty description={t('reports.empty')} />;
  return (
    <div className="reports-cards" data-testid="reports-table">
      {items.map((r) => (
        <Card key={r.id} size="small" data-report-id={r.id}>
          <div className="reports-card__title">
            <strong>{r.period}</strong> {r.areaName} <TriggerTag r={r} />
          </div>
          <Headline r={r} />
          <Typography.Text type="secondary">{formatDateTime(r.createdAt, lang)}</Typography.Text>
          <div className="reports-card__actions">
            <Actions r={r} />
          </div>
        </Card>
      ))}
    </div>
  );
}

function TriggerTag({ r }: { r: ReportData }) {
  const { t } = useI18n();
  return (
    <Tag color={r.trigger === 'schedule' ? 'blue' : 'default'}>
      {t(`reports.trigger.${r.trigger}`)}
    </Tag>
  );
}

function Generate() {
  const { t } = useI18n();
  const months = useMemo(() => endedMonths(new Date()), []);
  const [area, setArea] = useState<string | null>(null);
  const [period, setPeriod] = useState(months[0]!);
  const generate = useGenerateReport();
  const submit = () => {
    if (!area) return;
    generate.mutate(
      { areaCode: area, period },
      {
        onSuccess: (r) =>
          notifySuccess(t('reports.generated', { area: r.areaName, period: r.period })),
        onError: (err) => notifyError(err.message),
      },
    );
  };
  return (
    <div className="reports-generate">
      <AreaSelect
        value={area}
        onChange={setArea}
        levels={REPORT_LEVELS}
        placeholder={t('reports.areaPlaceholder')}
        testId="reports-area"
        style={{}}
      />
      <Select<string>
        value={period}
        onChange={setPeriod}
        options={months.map((m) => ({ value: m, label: m }))}
        aria-label={t('reports.period')}
        data-testid="reports-period"
      />
      <Button
        type="primary"
        onClick={submit}
        disabled={!area}
        loading={generate.isPending}
        data-testid="reports-generate"
      >
        {t('reports.generate')}
      </Button>
    </div>
  );
}

/** 月度报告: the reports of the leader's area, newest month first; generate one for a month that has ended. */
export function ReportsPage() {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<string | null>(null);
  const reports = useReports(filter);
  const narrow = useMediaQuery('(max-width: 767px)');
  return (
    <PageContainer title={t('reports.title')}>
      <Generate />
      <div className="reports-filter">
        <AreaSelect
          value={filter}
          onChange={setFilter}
          levels={REPORT_LEVELS}
          placeholder={t('reports.filterPlaceholder')}
          testId="reports-filter"
          style={{ width: '100%' }}
        />
      </div>
      {reports.isError ? (
        <QueryError error={reports.error} onRetry={() => void reports.refetch()} />
      ) : narrow ? (
        <ReportCards items={reports.data?.items ?? []} loading={reports.isPending} />
      ) : (
        <Table<ReportData>
          rowKey="id"
          size="middle"
          loading={reports.isPending}
          dataSource={reports.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('reports.empty') }}
          data-testid="reports-table"
          onRow={(r) => ({ 'data-report-id': r.id }) as HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'period', title: t('reports.col.period'), dataIndex: 'period' },
            { key: 'area', title: t('reports.col.area'), dataIndex: 'areaName' },
            {
              key: 'trigger',
              title: t('reports.col.trigger'),
              render: (_, r) => <TriggerTag r={r} />,
            },
            {
              key: 'headline',
              title: t('reports.col.headline'),
              render: (_, r) => <Headline r={r} />,
            },
            {
              key: 'createdAt',
              title: t('reports.col.createdAt'),
              render: (_, r) => formatDateTime(r.createdAt, lang),
            },
            {
              key: 'actions',
              title: t('reports.col.actions'),
              render: (_, r) => <Actions r={r} />,
            },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" className="reports-hint">
        {t('reports.hint')}
      </Typography.Paragraph>
    </PageContainer>
  );
}
