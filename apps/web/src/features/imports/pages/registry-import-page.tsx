import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Segmented,
  Space,
  Steps,
  Table,
  Typography,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import {
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  type ImportKind,
  type SheetImportProblem,
  type SheetImportReport,
} from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { ImportControls } from '../components/import-controls';
import { isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { reportUrl, templateUrl, useSheetImport } from '../api';

/**
 * 导入向导: template → file → 预检 (dry run, row-by-row report) → 提交 (all or nothing). The commit button opens only
 * after a clean dry run of the very file that is still selected.
 */
export function RegistryImportPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [kind, setKind] = useState<ImportKind>('persons');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<SheetImportReport | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const run = useSheetImport();

  const reset = () => {
    setReport(null);
    setFileError(null);
  };
  const start = (mode: 'dry-run' | 'commit') => {
    if (!file) return;
    setFileError(null);
    run.mutate(
      { kind, file, mode },
      {
        onSuccess: (r) => {
          setReport(r);
          if (r.committed)
            void message.success(t('imports.done', { n: r.created + r.updated + r.unchanged }));
        },
        onError: (e) => {
          setReport(null);
          setFileError(isApiError(e) ? e.message : String(e));
        },
      },
    );
  };
  const clean =
    report !== null && report.mode === 'dry-run' && report.problemCount === 0 && report.rows > 0;
  const step = report?.committed ? 3 : clean ? 2 : file ? 1 : 0;

  return (
    <PageContainer title={t('imports.title')}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={step}
          responsive
          items={[
            { title: t('imports.stepTemplate') },
            { title: t('imports.stepCheck') },
            { title: t('imports.stepCommit') },
            { title: t('imports.stepDone') },
          ]}
          style={{ marginBottom: 16 }}
        />
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Segmented
            value={kind}
            onChange={(v) => {
              setKind(v as ImportKind);
              reset();
            }}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: IMPORT_KIND_LABELS[k][lang] }))}
            data-testid="import-kind"
          />
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              href={templateUrl(kind)}
              data-testid="import-template"
            >
              {t('imports.template')}
            </Button>
          </Space>
          <ImportControls
            file={file}
            onPick={(raw) => {
              setFile(raw);
              reset();
            }}
            canCommit={clean}
            running={run.isPending ? run.variables.mode : null}
            onRun={start}
            testIdPrefix="import"
          />
          <Typography.Text type="secondary">{t('imports.hint')}</Typography.Text>
        </Space>
      </Card>
      {fileError ? (
        <Alert
          type="error"
          showIcon
          message={t('imports.fileRefused')}
          description={fileError}
          data-testid="import-file-error"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {report ? <ReportCard report={report} /> : null}
    </PageContainer>
  );
}

/** The report of a dry run or a commit (also shown by the configuration tables' import dialog). */
export function ReportCard({ report }: { report: SheetImportReport }) {
  const { t } = useI18n();
  const ok = report.problemCount === 0;
  return (
    <Card size="small" data-testid="import-report">
      <Alert
        type={report.committed ? 'success' : ok ? 'info' : 'warning'}
        showIcon
        message={
          report.committed
            ? t('imports.committed')
            : ok
              ? t('imports.clean')
              : t('imports.problems', { n: report.problemCount, rows: report.invalidRows })
        }
        style={{ marginBottom: 12 }}
      />
      <Descriptions size="small" column={{ xs: 2, sm: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('imports.rows')}>{report.rows}</Descriptions.Item>
        <Descriptions.Item label={t('imports.validRows')}>{report.validRows}</Descriptions.Item>
        <Descriptions.Item label={t('imports.invalidRows')}>{report.invalidRows}</Descriptions.Item>
        {report.committed ? (
          <Descriptions.Item label={t('imports.counts')}>
            <span data-testid="import-counts">
              {t('imports.countsValue', {
                created: report.created,
                updated: report.updated,
                unchanged: report.unchanged,
              })}
            </span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {!ok ? (
        <>
          <Button
            icon={<DownloadOutlined />}
            href={reportUrl(report.id)}
            style={{ marginBottom: 12 }}
            data-testid="import-report-download"
          >
            {t('imports.downloadReport')}
          </Button>
          <Table<SheetImportProblem>
            size="small"
            rowKey={(p) => `${p.row}-${p.column}-${p.problem}`}
            dataSource={report.problems}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            scroll={{ x: 560 }}
            columns={[
              { title: t('imports.row'), dataIndex: 'row', width: 70 },
              { title: t('imports.column'), dataIndex: 'column', width: 120 },
              { title: t('imports.value'), dataIndex: 'value', width: 160, ellipsis: true },
              { title: t('imports.problem'), dataIndex: 'problem' },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}
