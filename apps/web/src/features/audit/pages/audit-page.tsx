import { useState } from 'react';
import { Button, Card, Flex, Input, Select, Switch, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { AreaSelect } from '../../../components/area-select';
import { PageContainer } from '../../../components/page-container';
import { PagedListCard } from '../../../components/paged-list-card';
import { UnmaskDialog } from '../../../components/unmask-dialog';
import { useUrlFilters } from '../../../components/use-url-params';
import { useI18n } from '../../../lib/i18n';
import { downloadAuditExport, useAuditActors, useAuditEntries, type AuditFilters } from '../api';
import { actionOptions, targetTypeOptions } from '../audit-format';
import { AuditEntriesTable } from '../components/audit-entries-table';

const PAGE_SIZE = 50;
const FILTER = { minWidth: 160, flex: '1 1 160px' } as const;

// The URL holds the filters, so a view can be shared and "back" returns to it.
function read(p: URLSearchParams): AuditFilters {
  const get = (k: string) => p.get(k) || undefined;
  const action = get('action')?.split(',').filter(Boolean);
  return {
    ...(action?.length ? { action } : {}),
    ...(get('actorId') ? { actorId: get('actorId') } : {}),
    ...(get('targetType') ? { targetType: get('targetType') } : {}),
    ...(get('targetId') ? { targetId: get('targetId') } : {}),
    ...(get('areaCode') ? { areaCode: get('areaCode') } : {}),
    ...(get('from') ? { from: get('from') } : {}),
    ...(get('to') ? { to: get('to') } : {}),
    ...(p.get('logins') === '1' ? { showLogins: true } : {}),
  };
}
function write(f: AuditFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.action?.length) p.set('action', f.action.join(','));
  for (const k of ['actorId', 'targetType', 'targetId', 'areaCode', 'from', 'to'] as const) {
    const v = f[k];
    if (v) p.set(k, v);
  }
  if (f.showLogins) p.set('logins', '1');
  return p;
}

export function AuditPage() {
  const { t, lang } = useI18n();
  const { filters, page, setFilters, updateFilters, goPage } = useUrlFilters(read, write);
  const log = useAuditEntries(filters, page, PAGE_SIZE);
  const actors = useAuditActors();
  const [exporting, setExporting] = useState(false);
  const patch = (p: Partial<AuditFilters>) =>
    updateFilters((latest) => {
      const next: AuditFilters = { ...latest, ...p };
      for (const k of Object.keys(next) as (keyof AuditFilters)[])
        if (next[k] === undefined || next[k] === '' || next[k] === false) delete next[k];
      return next;
    });

  return (
    <PageContainer
      title={t('audit.title')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() => setExporting(true)}
          data-testid="audit-export"
        >
          {t('audit.export')}
        </Button>
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center" data-testid="audit-filters">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.filter.actor')}
            value={filters.actorId}
            onChange={(v?: string) => patch({ actorId: v })}
            options={(actors.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
            loading={actors.isPending}
            style={FILTER}
            data-testid="audit-filter-actor"
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.filter.action')}
            value={filters.action ?? []}
            onChange={(v: string[]) => patch({ action: v.length ? v : undefined })}
            options={actionOptions(lang)}
            style={{ minWidth: 220, flex: '2 1 220px' }}
            data-testid="audit-filter-action"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.filter.targetType')}
            value={filters.targetType}
            onChange={(v?: string) => patch({ targetType: v, targetId: undefined })}
            options={targetTypeOptions(lang)}
            style={FILTER}
            data-testid="audit-filter-target"
          />
          <AreaSelect
            placeholder={t('audit.filter.area')}
            value={filters.areaCode ?? null}
            onChange={(code) => patch({ areaCode: code ?? undefined })}
            testId="audit-filter-area"
          />
          <Flex gap={4} align="center" style={{ flex: '1 1 250px' }}>
            <Input
              type="date"
              aria-label={t('audit.filter.from')}
              value={filters.from ?? ''}
              max={filters.to}
              onChange={(e) => patch({ from: e.target.value || undefined })}
              data-testid="audit-filter-from"
            />
            <Typography.Text type="secondary">–</Typography.Text>
            <Input
              type="date"
              aria-label={t('audit.filter.to')}
              value={filters.to ?? ''}
              min={filters.from}
              onChange={(e) => patch({ to: e.target.value || undefined })}
              data-testid="audit-filter-to"
            />
          </Flex>
          <Flex gap={6} align="center">
            <Switch
              size="small"
              checked={filters.showLogins === true}
              onChange={(on) => patch({ showLogins: on })}
              data-testid="audit-show-logins"
            />
            <Typography.Text>{t('audit.showLogins')}</Typography.Text>
          </Flex>
          <Button onClick={() => setFilters({})} data-testid="audit-reset">
            {t('audit.reset')}
          </Button>
        </Flex>
      </Card>
      <PagedListCard
        query={log}
        page={page}
        pageSize={PAGE_SIZE}
        total={log.data?.total ?? 0}
        onPage={goPage}
      >
        <AuditEntriesTable rows={log.data?.items ?? []} loading={log.isFetching} />
      </PagedListCard>
      <UnmaskDialog
        open={exporting}
        onClose={() => setExporting(false)}
        labels={{
          title: 'audit.exportTitle',
          hint: 'audit.exportHint',
          reason: 'audit.exportReason',
          reasonShort: 'audit.exportReasonShort',
          submit: 'audit.exportSubmit',
        }}
        minReason={2}
        reveal={async (reason) => {
          await downloadAuditExport(filters, reason);
          return null;
        }}
      />
    </PageContainer>
  );
}
