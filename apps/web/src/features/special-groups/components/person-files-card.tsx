import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { RESIDENT_FILE_KIND_LABELS } from '@wangge/shared';
import { casePath } from '../../../app/paths';
import { useI18n } from '../../../lib/i18n';
import { useHasPermission } from '../../auth/api';
import { useResidentFiles } from '../resident-files-api';

/** The person page's 民情记录 and the cases raised from them (相关案件); hidden without residentFiles.read. */
export function PersonFilesCard({ personId }: { personId: string }) {
  const { t, lang } = useI18n();
  const allowed = useHasPermission('residentFiles.read');
  const files = useResidentFiles({ personId, limit: 20 }, allowed);
  if (!allowed) return null;
  const items = files.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('files.personCard')}
      loading={files.isPending}
      data-testid="person-files"
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('files.personNone')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(f) => (
            <List.Item>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Tag>{RESIDENT_FILE_KIND_LABELS[f.kind][lang]}</Tag>
                  <Typography.Text type="secondary">{f.at.slice(0, 10)}</Typography.Text>
                  {f.caseId ? (
                    <Link to={casePath(f.caseId)} data-testid="person-related-case">
                      {t('files.relatedCase')} {f.caseNo}
                    </Link>
                  ) : null}
                </Space>
                <Typography.Text>{f.raised}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
