import { Card, Table, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { useDemoAccounts } from '../api';

interface DemoAccountsTableProps {
  onPick: (username: string, password: string | null) => void;
}

/** Only a demo database lists accounts; elsewhere this renders nothing. */
export function DemoAccountsTable({ onPick }: DemoAccountsTableProps) {
  const { t } = useI18n();
  const { data } = useDemoAccounts();
  if (!data || data.items.length === 0) return null;
  const password = data.password;
  return (
    <Card
      size="small"
      title={t('auth.demoAccounts')}
      className="demo-accounts"
      data-testid="demo-accounts"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 12 }}>
        {password ? t('auth.demoHint', { password }) : t('auth.demoHintNoPassword')}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="username"
        pagination={false}
        dataSource={data.items}
        scroll={{ y: 240 }}
        onRow={(row) => ({
          onClick: () => onPick(row.username, password),
          style: { cursor: 'pointer' },
        })}
        columns={[
          {
            title: t('auth.username'),
            dataIndex: 'username',
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          { title: t('auth.role'), dataIndex: 'role' },
          { title: t('auth.area'), dataIndex: 'area', ellipsis: true },
        ]}
      />
    </Card>
  );
}
