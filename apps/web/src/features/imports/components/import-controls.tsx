import { Button, Space, Typography, Upload } from 'antd';
import { CheckCircleOutlined, CloudUploadOutlined, FileSearchOutlined } from '@ant-design/icons';
import type { ImportMode } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';

/**
 * The two rows every import shows: pick a file (its name beside the button), then 检查 (dry run) and 导入 (commit,
 * enabled only after a clean check). Used by the registry import page and the configuration tables' import dialog;
 * `testIdPrefix` keeps each one's test ids (import-…, sheet-…).
 */
export function ImportControls({
  file,
  onPick,
  canCommit,
  running,
  onRun,
  testIdPrefix,
}: {
  file: File | null;
  onPick: (file: File) => void;
  canCommit: boolean;
  /** The mode of the run in flight, if any. */
  running: ImportMode | null;
  onRun: (mode: ImportMode) => void;
  testIdPrefix: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <Space wrap>
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          maxCount={1}
          beforeUpload={(raw) => {
            onPick(raw);
            return false;
          }}
        >
          <Button icon={<CloudUploadOutlined />} data-testid={`${testIdPrefix}-pick`}>
            {t('imports.pick')}
          </Button>
        </Upload>
        {file ? (
          <Typography.Text data-testid={`${testIdPrefix}-file-name`}>{file.name}</Typography.Text>
        ) : null}
      </Space>
      <Space wrap>
        <Button
          icon={<FileSearchOutlined />}
          disabled={!file}
          loading={running === 'dry-run'}
          onClick={() => onRun('dry-run')}
          data-testid={`${testIdPrefix}-dry-run`}
        >
          {t('imports.check')}
        </Button>
        <Button
          type="primary"
          icon={<CheckCircleOutlined />}
          disabled={!canCommit}
          loading={running === 'commit'}
          onClick={() => onRun('commit')}
          data-testid={`${testIdPrefix}-commit`}
        >
          {t('imports.commit')}
        </Button>
      </Space>
    </>
  );
}
