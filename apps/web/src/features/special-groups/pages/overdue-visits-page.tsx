import { useMemo, useState } from 'react';
import { Card, Select, Space } from 'antd';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useAreaIndex } from '../../cases/lookups-api';
import { useVisitTasks } from '../api';
import { VisitTaskList } from '../components/visit-task-list';

const PAGE_SIZE = 200;

/** 逾期走访 for supervisors: open visits past due in their area, most overdue first, with who should have gone. */
export function OverdueVisitsPage() {
  const { t } = useI18n();
  const [areaCode, setAreaCode] = useState<string | undefined>();
  const areas = useAreaIndex();
  const tasks = useVisitTasks(
    'overdue',
    { ...(areaCode ? { areaCode } : {}), limit: PAGE_SIZE },
    60_000,
  );
  const areaOptions = useMemo(
    () =>
      (areas.data?.items ?? [])
        .filter((a) => a.level !== 'district')
        .map((a) => ({ value: a.code, label: a.name })),
    [areas.data],
  );
  return (
    <PageContainer
      title={t('visits.overdueTitle')}
      extra={<span>{t('common.total', { n: tasks.data?.total ?? 0 })}</span>}
    >
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('special.area')}
          style={{ width: 220 }}
          value={areaCode}
          onChange={setAreaCode}
          options={areaOptions}
        />
      </Space>
      <Card size="small" styles={{ body: { padding: '0 12px' } }}>
        {tasks.isError ? (
          <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : (
          <VisitTaskList
            items={tasks.data?.items ?? []}
            loading={tasks.isPending}
            showAssignee
            testId="overdue-visits"
          />
        )}
      </Card>
    </PageContainer>
  );
}
