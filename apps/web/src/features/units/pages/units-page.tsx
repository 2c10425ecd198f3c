import { Button, Card, List, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import {
  FOCUS_TAGS,
  UNIT_TYPES,
  UnitPhoneSchema,
  type FocusTag,
  type UnitType,
} from '@wangge/shared';
import { ExportButtons, withExportReason } from '../../../components/export-buttons';
import { PageContainer } from '../../../components/page-container';
import {
  PersonalSearchButton,
  schemaProblem,
  SearchResultList,
} from '../../../components/personal-search-button';
import { PagedListCard } from '../../../components/paged-list-card';
import { useUrlFilters } from '../../../components/use-url-params';
import { useI18n } from '../../../lib/i18n';
import { PATHS } from '../../../app/paths';
import { useHasPermission } from '../../auth/api';
import { UnitFilters, type UnitFilterValues } from '../components/unit-filters';
import { DueTag, UnitTags } from '../components/unit-tags';
import { unitPath } from '../unit-format';
import { searchUnitsByPhone, unitsExportUrl, useUnitList, type UnitListParams } from '../units-api';

const PAGE_SIZE = 20;

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null =>
  v && (list as readonly string[]).includes(v) ? (v as T) : null;

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
  const { params, filters, page, setFilters, goPage } = useUrlFilters(readFilters, writeFilters);
  const list = useUnitList({
    ...toQuery(filters),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  return (
    <PageContainer
      title={t('nav.units')}
      extra={
        <Space wrap>
          <ExportButtons
            url={(reason) => withExportReason(unitsExportUrl(toQuery(filters)), reason)}
            label="units.export"
            testId="units-export"
          />
          <PersonalSearchButton
            label="personalSearch.byUnitPhone"
            valueLabel="personalSearch.phoneValue"
            problem={schemaProblem(UnitPhoneSchema)}
            search={searchUnitsByPhone}
            renderResult={(r) => (
              <SearchResultList
                testId="unit-phone-results"
                items={r.items.map((u) => ({
                  id: u.id,
                  href: unitPath(u.id),
                  title: u.name,
                  description: u.address,
                }))}
              />
            )}
            testId="unit-phone-search"
          />
          {canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate(PATHS.unitNew)}
              data-testid="unit-new"
            >
              {t('units.new')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <UnitFilters key={params.get('q') ?? ''} value={filters} onChange={setFilters} />
      </Card>
      <PagedListCard
        query={list}
        page={page}
        pageSize={PAGE_SIZE}
        total={list.data?.total ?? 0}
        onPage={goPage}
      >
        <List
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('units.empty') }}
          data-testid="unit-list"
          renderItem={(u) => (
            <List.Item
              style={{ cursor: 'pointer', paddingInline: 12 }}
              onClick={() => void navigate(unitPath(u.id))}
              extra={<DueTag due={u.nextInspectionDue} />}
            >
              <List.Item.Meta
                title={<Typography.Text strong>{u.name}</Typography.Text>}
                description={
                  <>
                    <UnitTags unit={u} />
                    <div>
                      {u.address}
                      {u.gridName ? ` · ${u.gridName}` : ''}
                    </div>
                    {u.creditCode || u.registrationNo ? (
                      <Typography.Text type="secondary">
                        {u.creditCode ?? u.registrationNo}
                      </Typography.Text>
                    ) : null}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </PagedListCard>
    </PageContainer>
  );
}
