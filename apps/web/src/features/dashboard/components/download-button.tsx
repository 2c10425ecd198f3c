import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { IndicatorId } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { indicatorsXlsxUrl, type DashboardFilter, type DashboardGroupBy } from '../api';

/**
 * Saves a chart's figures as xlsx from the server (GET /api/indicators.xlsx with the chart's own query), so the sheet
 * holds the same figures the chart draws, formatted as the page shows them. A plain link: the session cookie goes
 * with it, and the browser names the file from the response.
 */
export function DownloadButton({
  filter,
  groupBy,
  ids,
  testId,
}: {
  filter: DashboardFilter;
  groupBy: DashboardGroupBy;
  ids: readonly IndicatorId[];
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      href={indicatorsXlsxUrl(filter, groupBy, ids)}
      download
      data-testid={testId}
    >
      {t('dashboard.download')}
    </Button>
  );
}
