import { useState } from 'react';
import { Alert, Button, Card, InputNumber, Space, Tag, Typography } from 'antd';
import { ImportOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { CALENDAR_DAY_KINDS } from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { useHasPermission } from '../../auth/api';
import { useI18n } from '../../../lib/i18n';
import { useCalendarYear } from '../api';
import { KIND_STYLE } from '../calendar-format';
import { DayEditor } from '../components/day-editor';
import { ImportYearDialog } from '../components/import-year-dialog';
import { WindowsEditor } from '../components/windows-editor';
import { YearGrid } from '../components/year-grid';

// The calendar's own time zone decides the current year, not the browser's.
const shanghaiYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

/** 工作日历: a year as twelve months with holidays and 调休 marked, the working hours, and a whole-year import. */
export function CalendarPage() {
  const { t } = useI18n();
  const canEdit = useHasPermission('calendar.manage');
  const [year, setYear] = useState(shanghaiYear);
  const [picked, setPicked] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const cal = useCalendarYear(year);
  const days = cal.data?.year === year ? cal.data.days : [];
  const holidays = days.filter((d) => d.kind === 'holiday').length;
  const makeup = days.filter((d) => d.kind === 'makeup_workday').length;
  return (
    <PageContainer
      title={t('calendar.title')}
      extra={
        canEdit ? (
          <Button
            icon={<ImportOutlined />}
            onClick={() => setImporting(true)}
            data-testid="calendar-import"
          >
            {t('calendar.import')}
          </Button>
        ) : null
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {cal.data?.alert ? (
          <Alert type="warning" showIcon title={cal.data.alert} data-testid="calendar-alert" />
        ) : null}
        {!canEdit ? <Alert type="info" showIcon title={t('calendar.readOnly')} /> : null}
        <Card size="small">
          <Space wrap size={[12, 8]} style={{ width: '100%', justifyContent: 'space-between' }}>
            <Space.Compact>
              <Button
                icon={<LeftOutlined />}
                aria-label={t('calendar.prevYear')}
                onClick={() => setYear((y) => y - 1)}
              />
              <InputNumber
                aria-label={t('calendar.year')}
                value={year}
                min={2000}
                max={2100}
                precision={0}
                style={{ width: 96 }}
                onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && setYear(v)}
                data-testid="calendar-year-input"
              />
              <Button
                icon={<RightOutlined />}
                aria-label={t('calendar.nextYear')}
                onClick={() => setYear((y) => y + 1)}
              />
            </Space.Compact>
            <Space wrap size={4} aria-label={t('calendar.legend')}>
              {CALENDAR_DAY_KINDS.map((k) => (
                <Tag
                  key={k}
                  style={{
                    background: KIND_STYLE[k].background,
                    color: KIND_STYLE[k].color,
                    borderColor: KIND_STYLE[k].border,
                  }}
                >
                  {t(`calendar.kind.${k}`)}
                </Tag>
              ))}
            </Space>
          </Space>
          <Typography.Paragraph
            type="secondary"
            style={{ margin: '8px 0 0' }}
            data-testid="calendar-summary"
          >
            {days.length > 0
              ? `${t('calendar.listed', { n: days.length })} · ${t('calendar.kind.holiday')} ${holidays} · ${t('calendar.kind.makeup_workday')} ${makeup}`
              : cal.isPending
                ? t('common.loading')
                : t('calendar.noneListed')}
          </Typography.Paragraph>
        </Card>
        {cal.isError ? (
          <QueryError error={cal.error} onRetry={() => void cal.refetch()} />
        ) : (
          <>
            {cal.data ? <WindowsEditor windows={cal.data.windows} canEdit={canEdit} /> : null}
            <YearGrid year={year} days={days} onPick={canEdit ? setPicked : undefined} />
          </>
        )}
      </Space>
      {picked ? (
        <DayEditor
          date={picked}
          entry={days.find((d) => d.date === picked)}
          onClose={() => setPicked(null)}
        />
      ) : null}
      {importing ? <ImportYearDialog year={year} onClose={() => setImporting(false)} /> : null}
    </PageContainer>
  );
}
