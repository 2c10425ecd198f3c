import { Button, Card, Flex, Input, List, Select, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { PLACE_TYPES, type PlaceType } from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { AreaSelect } from '../../../components/area-select';
import { PagedListCard } from '../../../components/paged-list-card';
import { useUrlParams } from '../../../components/use-url-params';
import { useI18n } from '../../../lib/i18n';
import { PATHS } from '../../../app/paths';
import { useHasPermission } from '../../auth/api';
import { DueTag } from '../components/unit-tags';
import { usePlaceList } from '../places-api';
import { placePath, placeTypeLabel } from '../unit-format';

const PAGE_SIZE = 20;

/** 重点场所 list: area, type and text filters in the URL, next inspection date on each row. */
export function PlacesPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const canManage = useHasPermission('registry.manage');
  const { params, page, set } = useUrlParams();
  const areaCode = params.get('area') || null;
  const type = params.get('type');
  const placeType =
    type && (PLACE_TYPES as readonly string[]).includes(type) ? (type as PlaceType) : null;
  const q = params.get('q') ?? '';
  const list = usePlaceList({
    ...(areaCode ? { areaCode } : {}),
    ...(placeType ? { placeType } : {}),
    ...(q ? { q } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  return (
    <PageContainer
      title={t('nav.places')}
      extra={
        canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate(PATHS.placeNew)}
            data-testid="place-new"
          >
            {t('places.new')}
          </Button>
        ) : null
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8}>
          <Input.Search
            key={q}
            allowClear
            defaultValue={q}
            placeholder={t('places.searchPlaceholder')}
            onSearch={(v) => set({ q: v.trim() || null })}
            style={{ flex: '2 1 220px' }}
          />
          <AreaSelect
            value={areaCode}
            onChange={(v) => set({ area: v })}
            placeholder={t('units.filterArea')}
            testId="filter-area"
          />
          <Select<PlaceType>
            allowClear
            placeholder={t('places.placeType')}
            value={placeType ?? undefined}
            onChange={(v) => set({ type: v ?? null })}
            options={PLACE_TYPES.map((v) => ({ value: v, label: placeTypeLabel(v, lang) }))}
            style={{ minWidth: 150, flex: '1 1 150px' }}
          />
        </Flex>
      </Card>
      <PagedListCard
        query={list}
        page={page}
        pageSize={PAGE_SIZE}
        total={list.data?.total ?? 0}
        onPage={(n) => set({ page: n > 1 ? String(n) : null })}
      >
        <List
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('places.empty') }}
          data-testid="place-list"
          renderItem={(p) => (
            <List.Item
              style={{ cursor: 'pointer', paddingInline: 12 }}
              onClick={() => void navigate(placePath(p.id))}
              extra={<DueTag due={p.nextInspectionDue} />}
            >
              <List.Item.Meta
                title={<Typography.Text strong>{p.name}</Typography.Text>}
                description={
                  <>
                    <Tag>{placeTypeLabel(p.placeType, lang)}</Tag>
                    {p.unitName ? <Tag color="geekblue">{p.unitName}</Tag> : null}
                    <div>
                      {p.address}
                      {p.gridName ? ` · ${p.gridName}` : ''}
                    </div>
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
