import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import type { VisitTask } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { AttentionTag } from '../special-format';

interface Props {
  items: VisitTask[];
  loading: boolean;
  /** Shown when the viewer may record visits. */
  onRecord?: (task: VisitTask) => void;
  showAssignee?: boolean;
  testId?: string;
}

/** Visits due, one card-like row each (readable on a 375 px phone): who, where, by when. Never the group. */
export function VisitTaskList({
  items,
  loading,
  onRecord,
  showAssignee,
  testId = 'visit-tasks',
}: Props) {
  const { t, lang } = useI18n();
  return (
    <List<VisitTask>
      loading={loading}
      dataSource={items}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visits.none')} />,
      }}
      data-testid={testId}
      renderItem={(task) => (
        <List.Item
          key={task.id}
          actions={
            onRecord && task.status === 'open'
              ? [
                  <Button
                    key="record"
                    type="primary"
                    icon={<CheckOutlined />}
                    onClick={() => onRecord(task)}
                    data-testid="visit-record"
                  >
                    {t('visits.recordShort')}
                  </Button>,
                ]
              : undefined
          }
        >
          <List.Item.Meta
            title={
              <Space wrap size={4}>
                <span>{task.personName ?? '—'}</span>
                <AttentionTag level={task.attentionLevel} lang={lang} />
                {task.overdue ? <Tag color="red">{t('visits.overdue')}</Tag> : null}
                {task.status !== 'open' ? <Tag>{t(`visits.status.${task.status}`)}</Tag> : null}
              </Space>
            }
            description={
              <Space orientation="vertical" size={0}>
                <Typography.Text type={task.overdue ? 'danger' : 'secondary'}>
                  {t('visits.dueDate', { date: task.dueDate })}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {task.gridName ?? task.gridCode ?? task.communityCode}
                </Typography.Text>
                {showAssignee ? (
                  <Typography.Text type="secondary">
                    {t('visits.assignee', { name: task.assigneeName ?? t('visits.unassigned') })}
                  </Typography.Text>
                ) : null}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
