import { Alert, Col, Row, Statistic, Table, Typography } from 'antd';
import type { ImportProblem, ImportReport } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';

function ProblemTable({ rows, testId }: { rows: ImportProblem[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Table<ImportProblem>
      size="small"
      rowKey={(row) => `${row.index ?? '-'}:${row.code ?? '-'}:${row.reason}`}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 560 }}
      data-testid={testId}
      columns={[
        {
          title: t('import.index'),
          dataIndex: 'index',
          width: 96,
          render: (v: number | null) => v ?? '—',
        },
        {
          title: t('area.code'),
          dataIndex: 'code',
          width: 180,
          render: (v: string | null) => (v ? <span className="area-code">{v}</span> : '—'),
        },
        { title: t('import.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}

/** Counts, then every error and warning of a dry run or a commit. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const status = report.committed
    ? t('import.committed')
    : report.ok
      ? t('import.passed')
      : t('import.failed');
  return (
    <div
      data-testid="import-report"
      data-ok={String(report.ok)}
      data-committed={String(report.committed)}
    >
      <Alert
        type={report.ok ? 'success' : 'error'}
        showIcon
        title={status}
        style={{ marginBottom: 16 }}
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} sm={6}>
          <Statistic title={t('import.features')} value={report.counts.features} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title={t('import.created')} value={report.counts.created} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title={t('import.updated')} value={report.counts.updated} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title={t('import.unchanged')} value={report.counts.unchanged} />
        </Col>
      </Row>
      {report.errors.length > 0 ? (
        <>
          <Typography.Title level={5} type="danger">
            {t('import.errors')} ({report.errors.length})
          </Typography.Title>
          <ProblemTable rows={report.errors} testId="import-errors" />
        </>
      ) : null}
      {report.warnings.length > 0 ? (
        <>
          <Typography.Title level={5} type="warning">
            {t('import.warnings')} ({report.warnings.length})
          </Typography.Title>
          <ProblemTable rows={report.warnings} testId="import-warnings" />
        </>
      ) : null}
    </div>
  );
}
