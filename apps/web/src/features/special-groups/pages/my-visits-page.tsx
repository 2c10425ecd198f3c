import { useState } from 'react';
import { Badge, Button, Card, Segmented, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { VisitTask } from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useHasPermission } from '../../auth/api';
import { useVisitTasks } from '../api';
import { CompleteVisitForm } from '../components/complete-visit-form';
import { VisitTaskList } from '../components/visit-task-list';

/** 我的走访: the visits due to me (and unassigned ones in my grids), soonest first; record one from the phone. */
export function MyVisitsPage() {
  const { t } = useI18n();
  const canRecord = useHasPermission('visits.record');
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const tasks = useVisitTasks(
    'all',
    { ...(scope === 'mine' ? { mine: '1' as const } : {}), status: 'open', limit: 200 },
    60_000,
  );
  const [visiting, setVisiting] = useState<VisitTask | null>(null);
  const overdue = (tasks.data?.items ?? []).filter((x) => x.overdue).length;

  return (
    <PageContainer
      title={
        <Space>
          {t('visits.myTitle')}
          <Badge count={overdue} title={t('visits.overdue')} />
        </Space>
      }
      extra={
        <Button
          icon={<ReloadOutlined />}
          onClick={() => void tasks.refetch()}
          loading={tasks.isFetching}
          aria-label={t('common.retry')}
        />
      }
    >
      <Segmented<'mine' | 'all'>
        block
        style={{ marginBottom: 12 }}
        value={scope}
        onChange={setScope}
        options={[
          { value: 'mine', label: t('visits.mine') },
          { value: 'all', label: t('visits.allInArea') },
        ]}
      />
      <Card size="small" styles={{ body: { padding: '0 12px' } }}>
        {tasks.isError ? (
          <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : (
          <VisitTaskList
            items={tasks.data?.items ?? []}
            loading={tasks.isPending}
            onRecord={canRecord ? setVisiting : undefined}
            showAssignee={scope === 'all'}
            testId="my-visits"
          />
        )}
      </Card>
      {visiting ? (
        <CompleteVisitForm
          taskId={visiting.id}
          personName={visiting.personName}
          attentionLevel={visiting.attentionLevel}
          onClose={() => setVisiting(null)}
        />
      ) : null}
    </PageContainer>
  );
}
