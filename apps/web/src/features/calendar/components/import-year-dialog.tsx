import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { useImportYear } from '../api';
import { parseImport } from '../calendar-format';

/** Row problems the server lists for a refused import (every one, so the whole file can be fixed at once). */
function rowErrors(err: unknown): { index: number; message: string }[] {
  if (!isApiError(err)) return [];
  const details = (err.body as { error?: { details?: unknown } } | null)?.error?.details;
  return Array.isArray(details)
    ? details.filter(
        (d): d is { index: number; message: string } =>
          typeof d?.index === 'number' && typeof d?.message === 'string',
      )
    : [];
}

/** Replaces a year's holidays and 调休 from pasted or chosen text (CSV-like lines or the API's JSON). */
export function ImportYearDialog({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const importYear = useImportYear();
  const parsed = useMemo(() => (text.trim() ? parseImport(text) : null), [text]);
  const problem = !parsed
    ? null
    : !parsed.ok
      ? t('calendar.importParseError', { line: parsed.line, text: parsed.text })
      : parsed.year !== null && parsed.year !== year
        ? t('calendar.importYearMismatch', { found: parsed.year, year })
        : null;
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) void file.text().then(setText);
    e.target.value = '';
  };
  const submit = () => {
    if (!parsed?.ok || problem) return;
    importYear.mutate(
      { year, rows: parsed.rows },
      {
        onSuccess: (r) => {
          notifySuccess(t('calendar.importDone', { imported: r.imported, replaced: r.replaced }));
          onClose();
        },
      },
    );
  };
  const serverRows = rowErrors(importYear.error);
  return (
    <Modal
      open
      title={t('calendar.importTitle', { year })}
      onCancel={onClose}
      onOk={submit}
      okText={t('calendar.import')}
      okButtonProps={{ disabled: !parsed?.ok || Boolean(problem) || parsed.rows.length === 0 }}
      confirmLoading={importYear.isPending}
      destroyOnHidden
      maskClosable={false}
      width={640}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('calendar.importHint')}
      </Typography.Paragraph>
      <Space style={{ marginBottom: 8 }}>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.txt,.json,text/csv,application/json"
          onChange={onFile}
          style={{ display: 'none' }}
          data-testid="import-file"
        />
        <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()}>
          {t('calendar.importFile')}
        </Button>
      </Space>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 6, maxRows: 14 }}
        placeholder={`${year}-01-01,节假日,元旦\n${year}-02-14,调休上班,春节`}
        style={{ fontFamily: 'monospace' }}
        data-testid="import-text"
      />
      <div style={{ marginTop: 8 }}>
        {problem ? <Alert type="warning" showIcon title={problem} /> : null}
        {parsed?.ok && !problem ? (
          <Alert
            type="info"
            showIcon
            title={t('calendar.importPreview', {
              n: parsed.rows.length,
              h: parsed.rows.filter((r) => r.kind === 'holiday').length,
              m: parsed.rows.filter((r) => r.kind === 'makeup_workday').length,
            })}
          />
        ) : null}
        {importYear.error ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 8 }}
            title={serverRows.length ? t('calendar.importRowErrors') : importYear.error.message}
            description={
              serverRows.length
                ? serverRows.slice(0, 20).map((r) => (
                    <div key={`${r.index}-${r.message}`}>
                      #{r.index + 1}: {r.message}
                    </div>
                  ))
                : undefined
            }
          />
        ) : null}
      </div>
    </Modal>
  );
}
