import { Card, Flex, List, Pagination, Segmented, Tag, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { AreaSelect } from '../components/area-select';
import { useOverdue } from '../places-api';
import { kindLabel, targetPath } from '../unit-format';

const PAGE_SIZE = 20;
type Which = 'all' | 'unit' | 'place';

/** 逾期检查: key units and places whose inspection is past due, most overdue first, scoped to the user. */
export function OverdueInspectionsPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const which: Which = params.get('type') === 'unit' ? 'unit' : params.get('type') === 'place' ? 'place' : 'all';
  const areaCode = params.get('area') || null;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useOverdue({
    ...(which === 'all' ? {} : { targetType: which }),
    ...(areaCode ? { areaCode } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const set = (patch: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    if (!('page' in patch)) p.delete('page');
    setParams(p, { replace: true });
  };

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
          <AreaSelect value={areaCode} onChange={(v) => set({ area: v })} />
        </Flex>
      </Card>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
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
                      <Typography.Text type="secondary">{t('overdue.dueWas', { date: i.nextInspectionDue })}</Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
          <Flex justify="space-between" align="center" wrap gap={8} style={{ padding: '8px 12px' }}>
            <Typography.Text type="secondary">{t('overdue.summary', { n: list.data?.total ?? 0, today: list.data?.today ?? '' })}</Typography.Text>
            <Pagination simple current={page} pageSize={PAGE_SIZE} total={list.data?.total ?? 0} onChange={(n) => set({ page: n > 1 ? String(n) : null })} size="small" />
          </Flex>
        </Card>
      )}
    </PageContainer>
  );
}
