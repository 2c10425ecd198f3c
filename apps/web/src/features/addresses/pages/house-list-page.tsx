import { useEffect, useState } from 'react';
import { Button, Card, Input, Select, Space, Typography } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { HOUSE_USES, LandlordPhoneInputSchema, type HouseUse } from '@wangge/shared';
import { ExportButtons, withExportReason } from '../../../components/export-buttons';
import { AreaSelect } from '../../../components/area-select';
import {
  PersonalSearchButton,
  schemaProblem,
  SearchResultList,
} from '../../../components/personal-search-button';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { useUrlParams } from '../../../components/use-url-params';
import { useI18n } from '../../../lib/i18n';
import { useHasPermission } from '../../auth/api';
import { searchHousesByLandlordPhone, useHouseList, type HouseListParams } from '../api';
import { LABELS, housePath, optionsOf } from '../address-format';
import { HouseCreateModal } from '../components/house-create-modal';
import { HouseList } from '../components/house-list';

const PAGE_SIZE = 50;
const isUse = (s: string | null): s is HouseUse =>
  (HOUSE_USES as readonly (string | null)[]).includes(s);

/** 房屋: houses of the user's area, filtered by area, use and address words; the filters live in the URL. */
export function HouseListPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const canManage = useHasPermission('registry.manage');
  const { params, page, set } = useUrlParams();
  const area = params.get('area');
  const useParam = params.get('use');
  const use = isUse(useParam) ? useParam : null;
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [creating, setCreating] = useState(false);
  useEffect(() => setText(q), [q]);

  const query: HouseListParams = {
    ...(area ? { areaCode: area } : {}),
    ...(use ? { use } : {}),
    ...(q ? { q } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useHouseList(query);
  const total = list.data?.total ?? 0;

  return (
    <PageContainer
      title={t('house.title')}
      extra={
        <Space wrap>
          <ExportButtons
            url={(reason) =>
              withExportReason(
                `/api/houses/export?${new URLSearchParams({ ...(area ? { areaCode: area } : {}), ...(use ? { use } : {}), ...(q ? { q } : {}) }).toString()}`,
                reason,
              )
            }
            label="house.export"
            testId="house-export"
          />
          <PersonalSearchButton
            label="personalSearch.byLandlordPhone"
            valueLabel="personalSearch.phoneValue"
            problem={schemaProblem(LandlordPhoneInputSchema)}
            search={searchHousesByLandlordPhone}
            renderResult={(r) => (
              <SearchResultList
                testId="house-phone-results"
                items={r.items.map((h) => ({
                  id: h.id,
                  href: housePath(h.id),
                  title: h.fullAddress,
                  description: [h.landlordName, h.landlordPhone].filter(Boolean).join(' '),
                }))}
              />
            )}
            testId="house-phone-search"
          />
          {canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="house-add"
            >
              {t('house.register')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} data-testid="house-filters">
          <div style={{ flex: '1 1 180px' }}>
            <AreaSelect
              value={area}
              onChange={(code) => set({ area: code })}
              placeholder={t('house.filterArea')}
              showCode
              style={{ width: '100%' }}
              testId="house-filter-area"
            />
          </div>
          <Select<HouseUse>
            allowClear
            placeholder={t('house.filterUse')}
            value={use ?? undefined}
            onChange={(v) => set({ use: v ?? null })}
            options={optionsOf(LABELS.use, lang)}
            style={{ flex: '1 1 120px' }}
            data-testid="house-filter-use"
          />
          <Input.Search
            allowClear
            placeholder={t('house.filterText')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || null })}
            style={{ flex: '2 1 220px' }}
            data-testid="house-filter-text"
          />
        </div>
      </Card>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <HouseList
            items={list.data?.items ?? []}
            loading={list.isPending}
            onOpen={(id) => void navigate(housePath(id))}
          />
          <div
            style={{
              display: 'flex',
              justifyContent: 'space-between',
              alignItems: 'center',
              padding: '8px 12px',
              flexWrap: 'wrap',
              gap: 8,
            }}
          >
            <Typography.Text type="secondary">{t('common.total', { n: total })}</Typography.Text>
            <Space>
              <Button
                size="small"
                icon={<LeftOutlined />}
                disabled={page <= 1}
                onClick={() => set({ page: String(page - 1) })}
                aria-label={t('house.prevPage')}
              />
              <span>{t('house.page', { n: page })}</span>
              <Button
                size="small"
                icon={<RightOutlined />}
                disabled={page * PAGE_SIZE >= total}
                onClick={() => set({ page: String(page + 1) })}
                aria-label={t('house.nextPage')}
              />
            </Space>
          </div>
        </Card>
      )}
      {creating ? <HouseCreateModal room={null} onClose={() => setCreating(false)} /> : null}
    </PageContainer>
  );
}
