import { Table } from 'antd';
import { GRID_ROLE_LABELS, type GridStaff } from '@wangge/shared';
import { UnmaskValue } from '../../../components/unmask-value';
import { useI18n } from '../../../lib/i18n';
import { unmaskStaffPhone } from '../api';

/**
 * 网格力量: post, name and phone. The server masks the phone unless the viewer works in that grid; anyone else with
 * staff.contact.read may reveal one number with a reason, which the server audits.
 */
export function StaffTable({ areaId, staff }: { areaId: string; staff: GridStaff[] }) {
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
        {
          title: t('area.staffRole'),
          dataIndex: 'role',
          render: (role: GridStaff['role']) => GRID_ROLE_LABELS[role][lang],
        },
        { title: t('area.staffName'), dataIndex: 'displayName' },
        {
          title: t('area.staffPhone'),
          dataIndex: 'phone',
          render: (phone: string | null, s) =>
            phone && !s.phoneMasked ? (
              <span className="area-code">{phone}</span>
            ) : (
              <UnmaskValue
                masked={phone}
                reveal={async (reason) => (await unmaskStaffPhone(areaId, s.id, reason)).phone}
                labels={{
                  title: 'area.staffUnmask',
                  hint: 'area.staffUnmaskHint',
                  reason: 'area.staffUnmaskReason',
                  reasonShort: 'area.staffUnmaskReasonShort',
                }}
                minReason={4}
                permission="staff.contact.read"
                testId="staff-phone"
              />
            ),
        },
      ]}
    />
  );
}
