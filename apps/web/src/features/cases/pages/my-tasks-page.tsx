import { Badge, Button, Card, Empty, Space } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { casePath, PATHS } from '../../../app/paths';
import { reportsFromField } from '../../../app/landing';
import { useMe } from '../../auth/api';
import { CaseList } from '../components/case-list';
import { useTasks } from '../task-queues';

/** 我的任务: the queues of the user's roles, most urgent first, refreshed every 30 s. */
export function MyTasksPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const { sections } = useTasks(me);

  return (
    <PageContainer title={t('tasks.title')}>
      {reportsFromField(me) ? (
        // Grid staff start here: reporting what they see is their first task, so it is the largest target.
        <Button
          type="primary"
          size="large"
          block
          icon={<CameraOutlined />}
          className="tasks-report-button"
          onClick={() => void navigate(PATHS.reportCase)}
          data-testid="tasks-report"
        >
          <span className="tasks-report-button__label">{t('tasks.reportBig')}</span>
          <span className="tasks-report-button__hint">{t('tasks.reportHint')}</span>
        </Button>
      ) : null}
      {sections.length === 0 && reportsFromField(me) ? null : sections.length === 0 ? (
        <Card size="small">
          <Empty description={t('tasks.noQueues')} />
        </Card>
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {sections.map((s) => (
            <Card
              key={s.queue.key}
              size="small"
              data-testid={`task-section-${s.queue.key}`}
              title={
                <Space>
                  {t(s.queue.title)}
                  <Badge
                    count={s.items.length}
                    showZero
                    color={s.items.length ? '#1677ff' : '#bfbfbf'}
                    overflowCount={199}
                  />
                </Space>
              }
              styles={{ body: { padding: 0 } }}
            >
              {s.isError ? (
                <QueryError error={s.error} onRetry={s.refetch} />
              ) : !s.isPending && s.items.length === 0 ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('tasks.empty')}
                  data-testid={`task-list-${s.queue.key}`}
                />
              ) : (
                <CaseList
                  items={s.items}
                  loading={s.isPending}
                  onOpen={(id) => void navigate(casePath(id))}
                  testId={`task-list-${s.queue.key}`}
                />
              )}
            </Card>
          ))}
        </Space>
      )}
    </PageContainer>
  );
}
