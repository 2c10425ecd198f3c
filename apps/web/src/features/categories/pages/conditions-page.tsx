import { useState } from 'react';
import { Alert, Button, Card, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useHasPermission } from '../../auth/api';
import { limitText } from '../../cases/case-format';
import { ConditionEditor } from '../components/condition-editor';
import { ConditionVersions } from '../components/condition-versions';
import { ConditionsAudit } from '../components/conditions-audit';
import { ConfigSheetButtons } from '../../imports/components/config-sheet-buttons';
import {
  conditionKeys,
  useConditionRows,
  type ConditionRow,
  type ConditionRowsQuery,
} from '../conditions-api';

type Origin = 'all' | 'default' | 'custom';
const PAGE_SIZE = 20;

/**
 * 立结案标准: every class's current conditions, searched and filtered by origin; an edit makes a new version.
 * The header's `extra` is where the workbook import/export buttons go (config sheets).
 */
export function ConditionsPage() {
  const { t, lang } = useI18n();
  const narrow = useMediaQuery('(max-width: 767px)');
  const canAudit = useHasPermission('audit.read');
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const [origin, setOrigin] = useState<Origin>('all');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<ConditionRow | null>(null);
  const [versionsOf, setVersionsOf] = useState<ConditionRow | null>(null);
  const query: ConditionRowsQuery = {
    ...(q ? { q } : {}),
    ...(origin === 'all' ? {} : { isDefault: origin === 'default' ? 'true' : 'false' }),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const rows = useConditionRows(query);

  return (
    <PageContainer
      title={t('conditions.title')}
      // Import/export of the table as a workbook: a new version of every changed condition.
      extra={
        <Space wrap data-testid="conditions-header-extra">
          <ConfigSheetButtons
            kind="registration_conditions"
            refresh={[[...conditionKeys.all], [...conditionKeys.audit]]}
          />
        </Space>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('conditions.hint')} />
        <Card size="small">
          <Space wrap size={[12, 8]} style={{ marginBottom: 12 }}>
            <Input.Search
              allowClear
              placeholder={t('conditions.search')}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setPage(1);
              }}
              style={{ width: narrow ? '100%' : 260 }}
              data-testid="conditions-search"
            />
            <Segmented<Origin>
              value={origin}
              onChange={(v) => {
                setOrigin(v);
                setPage(1);
              }}
              options={[
                { value: 'all', label: t('conditions.filterAll') },
                { value: 'default', label: t('conditions.filterDefault') },
                { value: 'custom', label: t('conditions.filterCustom') },
              ]}
              data-testid="conditions-origin"
            />
            {rows.data ? (
              <Typography.Text type="secondary" data-testid="conditions-total">
                {t('conditions.total', { n: rows.data.total })}
              </Typography.Text>
            ) : null}
          </Space>
          {rows.isError ? (
            <QueryError error={rows.error} onRetry={() => void rows.refetch()} />
          ) : (
            <Table<ConditionRow>
              size="small"
              rowKey="id"
              loading={rows.isFetching}
              dataSource={rows.data?.items ?? []}
              locale={{ emptyText: t('conditions.empty') }}
              scroll={{ x: narrow ? undefined : 1100 }}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: rows.data?.total ?? 0,
                showSizeChanger: false,
                onChange: setPage,
                size: 'small',
              }}
              data-testid="conditions-table"
              columns={[
                {
                  title: t('conditions.class'),
                  key: 'class',
                  width: narrow ? undefined : 190,
                  render: (_v, r) => (
                    <div>
                      <span className="area-code">{r.classCode}</span> {r.className}
                      <div>
                        {r.isDefault ? (
                          <Tag color="blue">{t('conditions.default')}</Tag>
                        ) : (
                          <Tag>{t('conditions.custom')}</Tag>
                        )}
                        {r.versionCount > 1 ? (
                          <Tag>{t('conditions.version', { n: r.versionCount })}</Tag>
                        ) : null}
                        {!r.classActive ? (
                          <Tag color="orange">{t('conditions.classInactive')}</Tag>
                        ) : null}
                        {r.areaCode ? (
                          <Tag>{t('conditions.areaLimited', { code: r.areaCode })}</Tag>
                        ) : null}
                      </div>
                      {narrow ? (
                        <div className="case-muted" style={{ whiteSpace: 'normal' }}>
                          {r.text}
                        </div>
                      ) : null}
                    </div>
                  ),
                },
                ...(narrow
                  ? []
                  : [
                      {
                        title: t('conditions.text'),
                        dataIndex: 'text',
                        render: (v: string) => <div style={{ whiteSpace: 'normal' }}>{v}</div>,
                      },
                      {
                        title: t('conditions.closure'),
                        dataIndex: 'closureCondition',
                        width: 220,
                        render: (v: string) => <div style={{ whiteSpace: 'normal' }}>{v}</div>,
                      },
                      {
                        title: t('conditions.urgency'),
                        dataIndex: 'urgency',
                        width: 80,
                        render: (v: ConditionRow['urgency']) =>
                          v === 'urgent' ? (
                            <Tag color="red">{t('conditions.urgency.urgent')}</Tag>
                          ) : (
                            t('conditions.urgency.normal')
                          ),
                      },
                    ]),
                {
                  title: t('conditions.limit'),
                  key: 'limit',
                  width: narrow ? 90 : 110,
                  render: (_v, r) => (
                    <span data-testid="condition-limit-text">
                      {limitText(r.limitValue, r.limitType, lang)}
                    </span>
                  ),
                },
                {
                  title: t('conditions.actions'),
                  key: 'actions',
                  width: narrow ? 72 : 130,
                  render: (_v, r) => (
                    <Space size={0} wrap>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setEditing(r)}
                        data-testid="condition-edit"
                      >
                        {t('conditions.edit')}
                      </Button>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setVersionsOf(r)}
                        data-testid="condition-versions-open"
                      >
                        {t('conditions.versions')}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </Card>
        {canAudit ? <ConditionsAudit /> : null}
      </Space>
      {editing ? <ConditionEditor row={editing} onClose={() => setEditing(null)} /> : null}
      {versionsOf ? (
        <ConditionVersions row={versionsOf} onClose={() => setVersionsOf(null)} />
      ) : null}
    </PageContainer>
  );
}
