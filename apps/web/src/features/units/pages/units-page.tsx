import { Button, Card, Flex, List, Pagination, Space, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { FOCUS_TAGS, UNIT_TYPES, type FocusTag, type UnitType } from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { PATHS } from '../../../app/paths';
import { useHasPermission } from '../../auth/api';
import { UnitFilters, type UnitFilterValues } from '../components/unit-filters';
import { DueTag, UnitTags } from '../components/unit-tags';
import { unitPath } from '../unit-format';
import { unitsExportUrl, useUnitList, type UnitListParams } from '../units-api';

const PAGE_SIZE = 20;

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null => (v && (list as readonly string[]).includes(v) ? (v as T) : null);

/** Filters live in the URL, so "back" from a unit returns to the same view. */
function readFilters(p: URLSearchParams): UnitFilterValues {
  return {
    areaCode: p.get('area') || null,
    unitType: oneOf<UnitType>(UNIT_TYPES, p.get('type')),
    focusTag: oneOf<FocusTag>(FOCUS_TAGS, p.get('tag')),
    keyOnly: p.get('key') === '1',
    q: p.get('q') ?? '',
  };
}

function writeFilters(f: UnitFilterValues): URLSearchParams {
  const p = new URLSearchParams();
  if (f.areaCode) p.set('area', f.areaCode);
  if (f.unitType) p.set('type', f.unitType);
  if (f.focusTag) p.set('tag', f.focusTag);
  if (f.keyOnly) p.set('key', '1');
  if (f.q) p.set('q', f.q);
  return p;
}

function toQuery(f: UnitFilterValues): Omit<UnitListParams, 'limit' | 'offset'> {
  return {
    ...(f.areaCode ? { areaCode: f.areaCode } : {}),
    ...(f.unitType ? { unitType: f.unitType } : {}),
    ...(f.focusTag ? { focusTag: f.focusTag } : {}),
    ...(f.keyOnly ? { keyOnly: 'true' as const } : {}),
    ...(f.q ? { q: f.q } : {}),
  };
}

/** 实有单位 list: search and filters, names and phones masked, export of the same selection. */
export function UnitsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const canManage = useHasPermission('registry.manage');
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useUnitList({ ...toQuery(filters), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const goPage = (next: number) => {
    const p = writeFilters(filters);
    if (next > 1) p.set('page', String(next));
    setParams(p, { replace: true });
  };

  return (
    <PageContainer
      title={t('nav.units')}
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={unitsExportUrl(toQuery(filters))} data-testid="units-export">
            {t('units.export')}
          </Button>
          {canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(PATHS.unitNew)} data-testid="unit-new">
              {t('units.new')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <UnitFilters key={params.get('q') ?? ''} value={filters} onChange={(f) => setParams(writeFilters(f), { replace: true })} />
      </Card>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <List
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('units.empty') }}
            data-testid="unit-list"
            renderItem={(u) => (
              <List.Item style={{ cursor: 'pointer', paddingInline: 12 }} onClick={() => void navigate(unitPath(u.id))} extra={<DueTag due={u.nextInspectionDue} />}>
                <List.Item.Meta
                  title={<Typography.Text strong>{u.name}</Typography.Text>}
                  description={
                    <>
                      <UnitTags unit={u} />
                      <div>
                        {u.address}
                        {u.gridName ? ` · ${u.gridName}` : ''}
                      </div>
                      {u.creditCode || u.registrationNo ? <Typography.Text type="secondary">{u.creditCode ?? u.registrationNo}</Typography.Text> : null}
                    </>
                  }
                />
              </List.Item>
            )}
          />
          <Flex justify="space-between" align="center" wrap gap={8} style={{ padding: '8px 12px' }}>
            <Typography.Text type="secondary">{t('common.total', { n: list.data?.total ?? 0 })}</Typography.Text>
            <Pagination simple current={page} pageSize={PAGE_SIZE} total={list.data?.total ?? 0} onChange={goPage} size="small" />
          </Flex>
        </Card>
      )}
    </PageContainer>
  );
}

