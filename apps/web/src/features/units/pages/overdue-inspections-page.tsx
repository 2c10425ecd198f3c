import { Card, Flex, List, Segmented, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { PageContainer } from '../../../components/page-container';
import { AreaSelect } from '../../../components/area-select';
import { PagedListCard } from '../../../components/paged-list-card';
import { useUrlParams } from '../../../components/use-url-params';
import { useI18n } from '../../../lib/i18n';
import { useOverdue } from '../places-api';
import { kindLabel, targetPath } from '../unit-format';

const PAGE_SIZE = 20;
type Which = 'all' | 'unit' | 'place';

/** 逾期检查: key units and places whose inspection is past due, most overdue first, scoped to the user. */
export function OverdueInspectionsPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { params, page, set } = useUrlParams();
  const which: Which =
    params.get('type') === 'unit' ? 'unit' : params.get('type') === 'place' ? 'place' : 'all';
  const areaCode = params.get('area') || null;
  const list = useOverdue({
    ...(which === 'all' ? {} : { targetType: which }),
    ...(areaCode ? { areaCode } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  return (
    <PageContainer title={t('nav.inspectionsOverdue')}>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center">
          <Segmented<Which>
            value={which}
            onChange={(v) => set({ type: v === 'all' ? null : v })}
            options={[
              { value: 'all', label: t('overdue.all') },
              { value: 'unit', label: t('overdue.units') },
              { value: 'place', label: t('overdue.places') },
            ]}
          />
          <AreaSelect
            value={areaCode}
            onChange={(v) => set({ area: v })}
            placeholder={t('units.filterArea')}
            testId="filter-area"
          />
        </Flex>
      </Card>
      <PagedListCard
        query={list}
        page={page}
        pageSize={PAGE_SIZE}
        total={list.data?.total ?? 0}
        onPage={(n) => set({ page: n > 1 ? String(n) : null })}
        summary={t('overdue.summary', { n: list.data?.total ?? 0, today: list.data?.today ?? '' })}
      >
        <List
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('overdue.empty') }}
          data-testid="overdue-list"
          renderItem={(i) => (
            <List.Item
              style={{ cursor: 'pointer', paddingInline: 12 }}
              onClick={() => void navigate(targetPath(i.targetType, i.id))}
              extra={<Tag color="red">{t('overdue.days', { n: i.daysOverdue })}</Tag>}
            >
              <List.Item.Meta
                title={<Typography.Text strong>{i.name}</Typography.Text>}
                description={
                  <>
                    <Tag>{i.targetType === 'unit' ? t('overdue.unit') : t('overdue.place')}</Tag>
                    <Tag>{kindLabel(i.targetType, i.kind, lang)}</Tag>
                    <div>
                      {i.address}
                      {i.gridName ? ` · ${i.gridName}` : ''}
                    </div>
                    <Typography.Text type="secondary">
                      {t('overdue.dueWas', { date: i.nextInspectionDue })}
                    </Typography.Text>
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
