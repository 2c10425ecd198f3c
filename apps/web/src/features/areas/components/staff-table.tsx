import { Table } from 'antd';
import { GRID_ROLE_LABELS, type GridStaff } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';

/** 网格力量: post, name and phone (already masked by the server where required). */
export function StaffTable({ staff }: { staff: GridStaff[] }) {
  const { t, lang } = useI18n();
  return (
    <Table<GridStaff>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={staff}
      locale={{ emptyText: t('area.noStaff') }}
      data-testid="area-staff"
      columns={[
        { title: t('area.staffRole'), dataIndex: 'role', render: (role: GridStaff['role']) => GRID_ROLE_LABELS[role][lang] },
        { title: t('area.staffName'), dataIndex: 'displayName' },
        {
          title: t('area.staffPhone'),
          dataIndex: 'phone',
          render: (phone: string | null) => (phone ? <span className="area-code">{phone}</span> : '—'),
        },
      ]}
    />
  );
}
