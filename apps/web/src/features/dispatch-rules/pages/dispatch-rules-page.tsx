import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Drawer,
  Input,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { AuditOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { DispatchRule } from '@wangge/shared';
import { PATHS } from '../../../app/paths';
import { AreaSelect } from '../../../components/area-select';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { useHasPermission } from '../../auth/api';
import { AuditTrail } from '../../audit/components/audit-trail';
import { useDepartments } from '../../departments/api';
import { ConfigSheetButtons } from '../../imports/components/config-sheet-buttons';
import { isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { dispatchKeys, useDispatchRules, useUpdateRule, type DispatchRuleParams } from '../api';
import { RuleEditor } from '../components/rule-editor';

/**
 * 派遣矩阵: which department gets a case of a class in an area (主办 first, then 协办, each by priority). Filter by
 * class, area and department; add, edit, deactivate. The 未配置主责部门 report lists what no rule covers yet.
 */
export function DispatchRulesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canManage = useHasPermission('dispatch.manage');
  const depts = useDepartments();
  const [classText, setClassText] = useState('');
  const classCode = useDebouncedValue(classText.trim().toUpperCase(), 300);
  const [areaCode, setAreaCode] = useState<string | null>(null);
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const [activeOnly, setActiveOnly] = useState(true);
  const params: DispatchRuleParams = {
    ...(/^[0-9A-Z]{2,20}$/.test(classCode) ? { classCode } : {}),
    ...(areaCode ? { areaCode } : {}),
    ...(departmentId ? { departmentId } : {}),
    activeOnly: activeOnly ? 'true' : 'false',
  };
  const rules = useDispatchRules(params);
  const update = useUpdateRule();
  const [editing, setEditing] = useState<DispatchRule | 'new' | null>(null);
  const [auditOpen, setAuditOpen] = useState(false);
  const setActive = (r: DispatchRule, active: boolean) =>
    update.mutate(
      { id: r.id, body: { active } },
      {
        onSuccess: () =>
          void message.success(active ? t('matrix.activated') : t('matrix.deactivated')),
        onError: (e) => void message.error(isApiError(e) ? e.message : String(e)),
      },
    );

  return (
    <PageContainer
      title={t('matrix.title')}
      extra={
        <Space wrap>
          {canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="matrix-add"
            >
              {t('matrix.add')}
            </Button>
          ) : null}
          <ConfigSheetButtons kind="dispatch_rules" refresh={[[...dispatchKeys.all]]} />
          <Button
            icon={<AuditOutlined />}
            onClick={() => setAuditOpen(true)}
            data-testid="matrix-audit"
          >
            {t('matrix.audit')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('matrix.hint')}{' '}
          <Link to={PATHS.dispatchGaps} data-testid="matrix-gaps-link">
            {t('matrix.toGaps')}
          </Link>
        </Typography.Paragraph>
        <Card size="small">
          <Space wrap size={[12, 8]}>
            <Input
              allowClear
              placeholder={t('matrix.filterClass')}
              value={classText}
              onChange={(e) => setClassText(e.target.value)}
              style={{ width: 180 }}
              data-testid="matrix-filter-class"
            />
            <AreaSelect
              value={areaCode}
              onChange={setAreaCode}
              placeholder={t('matrix.filterArea')}
              style={{ width: 220 }}
              testId="matrix-filter-area"
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('matrix.filterDepartment')}
              value={departmentId}
              onChange={setDepartmentId}
              options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
              style={{ width: 220 }}
              data-testid="matrix-filter-department"
            />
            <Space size={6}>
              <Switch
                checked={activeOnly}
                onChange={setActiveOnly}
                aria-label={t('matrix.activeOnly')}
              />
              <span>{t('matrix.activeOnly')}</span>
            </Space>
          </Space>
        </Card>
        <Card size="small">
          {rules.isError ? (
            <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
          ) : (
            <Table<DispatchRule>
              size="small"
              rowKey="id"
              loading={rules.isFetching}
              dataSource={rules.data?.items ?? []}
              locale={{ emptyText: t('matrix.empty') }}
              pagination={{
                pageSize: 50,
                hideOnSinglePage: true,
                showSizeChanger: false,
                showTotal: (n) => t('common.total', { n }),
              }}
              scroll={{ x: 980 }}
              rowClassName={(r) => (r.active ? '' : 'row-inactive')}
              data-testid="matrix-table"
              columns={[
                {
                  title: t('matrix.class'),
                  key: 'class',
                  width: 230,
                  render: (_: unknown, r) => (
                    <span>
                      <span className="area-code">{r.classCode}</span> {r.className ?? ''}
                    </span>
                  ),
                },
                {
                  title: t('matrix.area'),
                  key: 'area',
                  width: 220,
                  render: (_: unknown, r) => (
                    <span>
                      {r.areaName ?? ''} <span className="area-code">{r.areaCode}</span>
                    </span>
                  ),
                },
                {
                  title: t('matrix.department'),
                  key: 'department',
                  render: (_: unknown, r) => r.departmentName ?? r.departmentId,
                },
                {
                  title: t('matrix.role'),
                  dataIndex: 'role',
                  width: 80,
                  render: (role: DispatchRule['role']) => (
                    <Tag color={role === 'primary' ? 'blue' : 'default'}>
                      {t(`matrix.role.${role}`)}
                    </Tag>
                  ),
                },
                { title: t('matrix.priority'), dataIndex: 'priority', width: 80 },
                {
                  title: t('matrix.status'),
                  dataIndex: 'active',
                  width: 80,
                  render: (a: boolean) => (
                    <Tag color={a ? 'success' : 'default'}>
                      {a ? t('matrix.on') : t('matrix.off')}
                    </Tag>
                  ),
                },
                ...(canManage
                  ? [
                      {
                        title: t('matrix.actions'),
                        key: 'actions',
                        width: 170,
                        fixed: 'right' as const,
                        render: (_: unknown, r: DispatchRule) => (
                          <Space size={0}>
                            <Button
                              type="link"
                              size="small"
                              icon={<EditOutlined />}
                              onClick={() => setEditing(r)}
                            >
                              {t('matrix.edit')}
                            </Button>
                            <Button
                              type="link"
                              size="small"
                              danger={r.active}
                              onClick={() => setActive(r, !r.active)}
                              data-testid={`matrix-toggle-${r.id}`}
                            >
                              {r.active ? t('matrix.deactivate') : t('matrix.activate')}
                            </Button>
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </Card>
      </Space>
      {editing ? (
        <RuleEditor rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      <Drawer
        open={auditOpen}
        onClose={() => setAuditOpen(false)}
        size={1000}
        title={t('matrix.audit')}
        destroyOnHidden
      >
        <AuditTrail targetType="dispatch_rule" pageSize={15} />
      </Drawer>
    </PageContainer>
  );
}
