import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../../lib/i18n';
import { toCsv } from '../dashboard-format';

/**
 * Saves a chart's table as CSV (UTF-8 with BOM, opens in Excel and WPS). Built in the browser from the figures the
 * chart already has: no second request, and exactly what is drawn.
 */
export function DownloadButton({
  fileName,
  rows,
  testId,
}: {
  fileName: string;
  rows: () => (string | number | null)[][];
  testId: string;
}) {
  const { t } = useI18n();
  const save = () => {
    const blob = new Blob([toCsv(rows())], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${fileName}.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Button size="small" icon={<DownloadOutlined />} onClick={save} data-testid={testId}>
      {t('dashboard.download')}
    </Button>
  );
}
