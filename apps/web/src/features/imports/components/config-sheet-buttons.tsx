import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  CONFIG_SHEET_LABELS,
  type ConfigSheetKind,
  type ImportMode,
  type SheetImportReport,
} from '@wangge/shared';
import { useHasPermission } from '../../auth/api';
import { isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { uploadSheet } from '../api';
import { ReportCard } from '../pages/registry-import-page';
import { ImportControls } from './import-controls';

/** Each configuration table's workbook route and the permission its import needs (server: config-sheets.routes.ts). */
const SHEETS: Record<ConfigSheetKind, { path: string; manage: string }> = {
  categories: { path: '/api/categories/sheet', manage: 'categories.manage' },
  dispatch_rules: { path: '/api/dispatch-rules/sheet', manage: 'dispatch.manage' },
  registration_conditions: {
    path: '/api/registration-conditions/sheet',
    manage: 'categories.manage',
  },
};

interface ConfigSheetButtonsProps {
  kind: ConfigSheetKind;
  /** Query keys to refetch after a commit (the page's table). */
  refresh?: readonly unknown[][];
}

/**
 * 导出 / 导入 of one configuration table. The export is the template: change it and import it back. The import is
 * the registries' wizard in a dialog: 预检 reports every problem by row and column; 提交 opens only after a clean
 * dry run of the file still selected, and writes all rows or none.
 */
export function ConfigSheetButtons({ kind, refresh = [] }: ConfigSheetButtonsProps) {
  const { t, lang } = useI18n();
  const canImport = useHasPermission(SHEETS[kind].manage);
  const [open, setOpen] = useState(false);
  return (
    <Space wrap>
      <Button
        icon={<DownloadOutlined />}
        href={`${SHEETS[kind].path}.xlsx`}
        data-testid={`sheet-export-${kind}`}
      >
        {t('imports.sheet.export')}
      </Button>
      {canImport ? (
        <Button
          icon={<UploadOutlined />}
          onClick={() => setOpen(true)}
          data-testid={`sheet-import-${kind}`}
        >
          {t('imports.sheet.import')}
        </Button>
      ) : null}
      {open ? (
        <ImportDialog
          kind={kind}
          title={t('imports.sheet.title', { table: CONFIG_SHEET_LABELS[kind][lang] })}
          refresh={refresh}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </Space>
  );
}

function ImportDialog({
  kind,
  title,
  refresh,
  onClose,
}: {
  kind: ConfigSheetKind;
  title: string;
  refresh: readonly unknown[][];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<SheetImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<ImportMode | null>(null);
  const run = async (mode: ImportMode) => {
    if (!file) return;
    setBusy(mode);
    setError(null);
    try {
      const r = await uploadSheet(null, file, mode, SHEETS[kind].path);
      setReport(r);
      if (r.committed) {
        void message.success(t('imports.sheet.done', { created: r.created, updated: r.updated }));
        for (const key of refresh) void client.invalidateQueries({ queryKey: key });
      }
    } catch (e) {
      setReport(null);
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  const clean =
    report !== null && report.mode === 'dry-run' && report.problemCount === 0 && report.rows > 0;
  return (
    <Modal
      open
      title={title}
      width={760}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('imports.sheet.hint')}</Typography.Text>
        <ImportControls
          file={file}
          onPick={(raw) => {
            setFile(raw);
            setReport(null);
            setError(null);
          }}
          canCommit={clean}
          running={busy}
          onRun={(mode) => void run(mode)}
          testIdPrefix="sheet"
        />
        {error ? (
          <Alert type="error" showIcon title={t('imports.fileRefused')} description={error} />
        ) : null}
        {report ? <ReportCard report={report} /> : null}
      </Space>
    </Modal>
  );
}
