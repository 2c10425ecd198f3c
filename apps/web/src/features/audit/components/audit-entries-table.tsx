import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import type { AuditEntry } from '../api';
import { ActionTag, DetailLines, TargetText } from '../audit-format';

interface AuditEntriesTableProps {
  rows: AuditEntry[];
  loading: boolean;
  /** The embedded list: no IP or area columns, a narrower table. */
  compact?: boolean;
  testId?: string;
}

/** Entries as an auditor reads them: labelled action, named target, reason first, detail as lines. */
export function AuditEntriesTable({ rows, loading, compact, testId }: AuditEntriesTableProps) {
  const { t, lang } = useI18n();
  const columns: ColumnsType<AuditEntry> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 150,
      render: (v: string) => formatDateTime(v, lang),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 110,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 170,
      render: (v: string) => <ActionTag code={v} />,
    },
    {
      title: t('audit.target'),
      key: 'target',
      width: compact ? 200 : 240,
      render: (_v, row) => <TargetText entry={row} />,
    },
    {
      title: t('audit.detail'),
      key: 'detail',
      render: (_v, row) => <DetailLines entry={row} />,
    },
  ];
  if (!compact)
    columns.push(
      {
        title: t('audit.area'),
        dataIndex: 'areaCode',
        width: 130,
        render: (v: string | null) =>
          v ? <span className="area-code">{v}</span> : t('audit.cityWide'),
      },
      {
        title: t('audit.ip'),
        dataIndex: 'ip',
        width: 120,
        render: (v: string | null) => v ?? '—',
      },
    );
  return (
    <Table<AuditEntry>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: compact ? 800 : 1100 }}
      locale={{ emptyText: t('audit.empty') }}
      data-testid={testId ?? 'audit-table'}
      columns={columns}
    />
  );
}
