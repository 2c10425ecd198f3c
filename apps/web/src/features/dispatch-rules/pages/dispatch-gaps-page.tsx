import { useState } from 'react';
import { Alert, Card, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { DispatchGap } from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDispatchGaps, type DispatchGapParams } from '../api';
import { Link } from 'react-router';
import { PATHS } from '../../../app/paths';

const LIMIT = 2000;

/** 未配置主责部门 (docs/case-workflow.md §4): 小类 × 街道 pairs that no active primary dispatch rule covers. */
export function DispatchGapsPage() {
  const { t } = useI18n();
  const [kind, setKind] = useState<DispatchGapParams['kind']>(undefined);
  const [partial, setPartial] = useState(true);
  const [area, setArea] = useState('');
  const areaCode = useDebouncedValue(area.trim(), 400);
  const validArea = /^\d{6,20}$/.test(areaCode) ? areaCode : undefined;
  const gaps = useDispatchGaps({
    kind,
    areaCode: validArea,
    partial: partial ? 'true' : 'false',
    limit: LIMIT,
  });
  const r = gaps.data;
  return (
    <PageContainer
      title={t('gaps.title')}
      extra={<Link to={PATHS.dispatchRules}>{t('gaps.toMatrix')}</Link>}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('gaps.hint')}
        </Typography.Paragraph>
        <Card size="small">
          <Space wrap size={[12, 8]}>
            <Select<DispatchGapParams['kind'] | 'all'>
              aria-label={t('gaps.kind')}
              value={kind ?? 'all'}
              style={{ width: 160 }}
              onChange={(v) => setKind(v === 'all' ? undefined : v)}
              options={[
                { value: 'all', label: t('gaps.kindAll') },
                { value: 'matter', label: t('gaps.kind.matter') },
                { value: 'governance', label: t('gaps.kind.governance') },
              ]}
              data-testid="gaps-kind"
            />
            <Input
              aria-label={t('gaps.areaCode')}
              placeholder={t('gaps.areaPlaceholder')}
              value={area}
              onChange={(e) => setArea(e.target.value)}
              allowClear
              inputMode="numeric"
              style={{ width: 220 }}
              data-testid="gaps-area"
            />
            <Space size={6}>
              <Switch
                checked={partial}
                onChange={setPartial}
                aria-label={t('gaps.includePartial')}
                data-testid="gaps-partial"
              />
              <span>{t('gaps.includePartial')}</span>
            </Space>
          </Space>
          {r ? (
            <Typography.Paragraph style={{ margin: '8px 0 0' }} data-testid="gaps-summary">
              {t('gaps.summary', {
                streets: r.streetCount,
                classes: r.classCount,
                none: r.uncovered,
                partial: r.partial,
              })}
            </Typography.Paragraph>
          ) : null}
        </Card>
        {r?.truncated ? (
          <Alert type="warning" showIcon title={t('gaps.truncated', { n: LIMIT })} />
        ) : null}
        <Card size="small">
          {gaps.isError ? (
            <QueryError error={gaps.error} onRetry={() => void gaps.refetch()} />
          ) : (
            <Table<DispatchGap>
              size="small"
              rowKey={(g) => `${g.streetCode}:${g.classCode}`}
              loading={gaps.isFetching}
              dataSource={r?.items ?? []}
              locale={{ emptyText: t('gaps.empty') }}
              pagination={{
                pageSize: 50,
                hideOnSinglePage: true,
                showSizeChanger: false,
                showTotal: (n) => t('common.total', { n }),
              }}
              scroll={{ x: 720 }}
              data-testid="gaps-table"
              columns={[
                {
                  title: t('gaps.street'),
                  key: 'street',
                  width: 170,
                  render: (_: unknown, g) => (
                    <span title={g.streetCode}>
                      {g.streetName} <span className="area-code">{g.streetCode}</span>
                    </span>
                  ),
                },
                {
                  title: t('gaps.class'),
                  key: 'class',
                  width: 200,
                  render: (_: unknown, g) => (
                    <span>
                      <span className="area-code">{g.classCode}</span> {g.className}
                    </span>
                  ),
                },
                {
                  title: t('gaps.kind'),
                  dataIndex: 'kind',
                  width: 100,
                  render: (k: DispatchGap['kind']) => t(`gaps.kind.${k}`),
                },
                {
                  title: t('gaps.coverage'),
                  dataIndex: 'coverage',
                  width: 100,
                  render: (c: DispatchGap['coverage']) => (
                    <Tag color={c === 'none' ? 'red' : 'orange'}>{t(`gaps.coverage.${c}`)}</Tag>
                  ),
                },
                {
                  title: t('gaps.detail'),
                  key: 'detail',
                  render: (_: unknown, g) => (
                    <Space orientation="vertical" size={0}>
                      {g.partialAreaCodes.length ? (
                        <span>
                          {t('gaps.partialAreas', { codes: g.partialAreaCodes.join('、') })}
                        </span>
                      ) : null}
                      {g.partialClassCodes.length ? (
                        <span>
                          {t('gaps.partialClasses', { codes: g.partialClassCodes.join('、') })}
                        </span>
                      ) : null}
                      {g.conditionOnly ? <span>{t('gaps.conditionOnly')}</span> : null}
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </Card>
      </Space>
    </PageContainer>
  );
}
