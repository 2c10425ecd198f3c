import { Alert, Table, Typography } from 'antd';
import type { PublicFigures } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { usePublicFigures } from '../board-api';
import { PublicLayout } from '../components/public-layout';

type Row = PublicFigures['streets'][number];
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null) => (v === null ? '—' : String(v));
/** The period's last day (the answer's end is the day after). */
const dayBefore = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** 公开数据: per street and department, the last 12 months, as the indicator engine counts them. */
export function PublicFiguresPage() {
  const { t } = useI18n();
  const figures = usePublicFigures();
  // Two-character headings stay on one line on a phone (the names wrap instead).
  const head = (key: Parameters<typeof t>[0]) => (
    <span style={{ whiteSpace: 'nowrap' }}>{t(key)}</span>
  );
  const columns = [
    { title: t('figures.name'), dataIndex: 'name', key: 'name' },
    {
      title: head('figures.received'),
      dataIndex: 'received',
      key: 'received',
      render: num,
      align: 'right' as const,
    },
    {
      title: head('figures.closed'),
      dataIndex: 'closed',
      key: 'closed',
      render: num,
      align: 'right' as const,
    },
    {
      title: head('figures.onTime'),
      dataIndex: 'onTimeRate',
      key: 'onTime',
      render: pct,
      align: 'right' as const,
    },
    {
      title: head('figures.satisfaction'),
      dataIndex: 'satisfactionRate',
      key: 'satisfaction',
      render: pct,
      align: 'right' as const,
    },
  ];
  const table = (caption: string, rows: Row[], testId: string) => (
    <section aria-label={caption} style={{ marginBottom: 16 }}>
      <h2 style={{ fontSize: 16 }}>{caption}</h2>
      <Table<Row>
        data-testid={testId}
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
      />
    </section>
  );
  return (
    <PublicLayout title={t('figures.title')} wide>
      {figures.error ? <Alert type="error" showIcon message={figures.error.message} /> : null}
      {figures.data ? (
        <>
          <Typography.Paragraph type="secondary">
            {t('figures.period', { start: figures.data.start, end: dayBefore(figures.data.end) })}
          </Typography.Paragraph>
          {table(t('figures.streets'), figures.data.streets, 'figures-streets')}
          {table(t('figures.departments'), figures.data.departments, 'figures-departments')}
          <Typography.Paragraph type="secondary">{t('figures.note')}</Typography.Paragraph>
        </>
      ) : null}
    </PublicLayout>
  );
}
