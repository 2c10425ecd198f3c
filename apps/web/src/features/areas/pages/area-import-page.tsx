import { useState } from 'react';
import { App, Button, Card, Form, Input, Select, Space, Typography, Upload } from 'antd';
import { CheckCircleOutlined, CloudUploadOutlined, FileSearchOutlined } from '@ant-design/icons';
import {
  AREA_LEVELS,
  AREA_LEVEL_LABELS,
  type AreaLevel,
  type Crs,
  type ImportReport,
} from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { useI18n } from '../../../lib/i18n';
import { useImportAreas } from '../api';
import { ImportReportView } from '../components/import-report-view';

interface ImportOptions {
  crs: Crs;
  level?: AreaLevel;
  codeField?: string;
  nameField?: string;
}

interface PickedFile {
  name: string;
  geojson: unknown;
  featureCount: number;
}

const CRS_OPTIONS: { value: Crs; label: string }[] = [
  { value: 'wgs84', label: 'WGS84 (GPS, 天地图)' },
  { value: 'gcj02', label: 'GCJ-02 (高德, 腾讯)' },
  { value: 'bd09', label: 'BD-09 (百度)' },
];

/** The report is only valid for the exact file and options it was produced with. */
function signature(file: PickedFile | null, options: ImportOptions): string {
  const text = (v: string | undefined) => v?.trim() || null;
  return JSON.stringify([
    file?.name,
    file?.featureCount,
    options.crs,
    options.level ?? null,
    text(options.codeField),
    text(options.nameField),
  ]);
}

export function AreaImportPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ImportOptions>();
  const options = Form.useWatch([], form) ?? { crs: 'wgs84' };
  const [file, setFile] = useState<PickedFile | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [checkedFor, setCheckedFor] = useState<string | null>(null);
  const importAreas = useImportAreas();

  const pick = async (raw: File) => {
    setReport(null);
    setCheckedFor(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await raw.text());
    } catch {
      setFile(null);
      void message.error(t('import.badJson'));
      return;
    }
    const features = (parsed as { type?: unknown; features?: unknown } | null)?.features;
    if (
      (parsed as { type?: unknown } | null)?.type !== 'FeatureCollection' ||
      !Array.isArray(features)
    ) {
      setFile(null);
      void message.error(t('import.notCollection'));
      return;
    }
    setFile({ name: raw.name, geojson: parsed, featureCount: features.length });
  };

  const run = (dryRun: boolean) => {
    if (!file) return;
    const values = form.getFieldsValue();
    const sig = signature(file, values);
    importAreas.mutate(
      {
        geojson: file.geojson,
        crs: values.crs,
        level: values.level,
        codeField: values.codeField?.trim() || undefined,
        nameField: values.nameField?.trim() || undefined,
        dryRun,
      },
      {
        onSuccess: (result) => {
          setReport(result);
          setCheckedFor(dryRun && result.ok ? sig : null);
          if (result.committed) void message.success(t('import.committed'));
        },
      },
    );
  };

  const currentSig = signature(file, options);
  const canCommit = report !== null && report.ok && !report.committed && checkedFor === currentSig;
  const stale =
    report !== null && !report.committed && checkedFor !== null && checkedFor !== currentSig;

  return (
    <PageContainer title={t('import.title')}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ crs: 'wgs84' }}
          style={{ maxWidth: 640 }}
        >
          <Form.Item label={t('import.file')} required>
            <Space wrap>
              <Upload
                accept=".geojson,.json,application/geo+json,application/json"
                showUploadList={false}
                maxCount={1}
                beforeUpload={(raw) => {
                  void pick(raw);
                  return false;
                }}
              >
                <Button icon={<CloudUploadOutlined />} data-testid="import-file">
                  {t('import.pick')}
                </Button>
              </Upload>
              {file ? (
                <Typography.Text data-testid="import-file-info">
                  {t('import.fileInfo', { name: file.name, n: file.featureCount })}
                </Typography.Text>
              ) : null}
            </Space>
          </Form.Item>
          <Form.Item label={t('import.crs')} name="crs">
            <Select options={CRS_OPTIONS} style={{ maxWidth: 280 }} />
          </Form.Item>
          <Form.Item label={t('import.level')} name="level" extra={t('import.levelHint')}>
            <Select
              allowClear
              style={{ maxWidth: 280 }}
              options={AREA_LEVELS.map((level) => ({
                value: level,
                label: AREA_LEVEL_LABELS[level][lang],
              }))}
            />
          </Form.Item>
          <Space wrap size="middle" style={{ width: '100%' }}>
            <Form.Item label={t('import.codeField')} name="codeField">
              <Input placeholder="code" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t('import.nameField')} name="nameField">
              <Input placeholder="name" style={{ width: 200 }} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Button
              icon={<FileSearchOutlined />}
              onClick={() => run(true)}
              disabled={!file}
              loading={importAreas.isPending && importAreas.variables.dryRun}
              data-testid="import-check"
            >
              {t('import.check')}
            </Button>
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              onClick={() => run(false)}
              disabled={!canCommit}
              loading={importAreas.isPending && !importAreas.variables.dryRun}
              data-testid="import-commit"
            >
              {t('import.commit')}
            </Button>
          </Space>
          <Typography.Paragraph
            type={stale ? 'warning' : 'secondary'}
            style={{ marginTop: 8, marginBottom: 0 }}
          >
            {stale ? t('import.stale') : t('import.commitHint')}
          </Typography.Paragraph>
        </Form>
      </Card>
      {report ? (
        <Card size="small">
          <ImportReportView report={report} />
        </Card>
      ) : null}
    </PageContainer>
  );
}
