import { useState } from 'react';
import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import {
  RESIDENT_FILE_KINDS,
  RESIDENT_FILE_KIND_LABELS,
  RESIDENT_FILE_STATUSES,
  RESIDENT_FILE_STATUS_LABELS,
  type ResidentFile,
} from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { formatDateTime, labelOf, useI18n } from '../../../lib/i18n';
import { casePath } from '../../../app/paths';
import { notifySuccess } from '../../../lib/notify';
import { useHasPermission } from '../../auth/api';
import { useResidentFiles, type ResidentFileListParams } from '../resident-files-api';
import { RaiseCaseForm } from '../components/raise-case-form';
import { ResidentFileForm } from '../components/resident-file-form';

const PAGE_SIZE = 20;
const STATUS_COLORS = { open: 'orange', followed_up: 'blue', closed: 'default' } as const;

/** 民情日志 / 社情民意: newest first in my area; record, follow up, 转为案件. */
export function ResidentFilesPage() {
  const { t, lang } = useI18n();
  const canWrite = useHasPermission('residentFiles.write');
  const canReport = useHasPermission('cases.report');
  const [filters, setFilters] = useState<Pick<ResidentFileListParams, 'kind' | 'status'>>({});
  const [page, setPage] = useState(1);
  const list = useResidentFiles({ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const [editing, setEditing] = useState<ResidentFile | 'new' | null>(null);
  const [raising, setRaising] = useState<ResidentFile | null>(null);
  const setFilter = (patch: Partial<ResidentFileListParams>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  return (
    <PageContainer
      title={t('files.title')}
      extra={
        canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="file-new"
          >
            {t('files.new')}
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('files.kind')}
          style={{ width: 140 }}
          value={filters.kind}
          onChange={(kind?: ResidentFileListParams['kind']) => setFilter({ kind })}
          options={RESIDENT_FILE_KINDS.map((k) => ({
            value: k,
            label: labelOf(RESIDENT_FILE_KIND_LABELS, k, lang),
          }))}
        />
        <Select
          allowClear
          placeholder={t('files.status')}
          style={{ width: 120 }}
          value={filters.status}
          onChange={(status?: ResidentFileListParams['status']) => setFilter({ status })}
          options={RESIDENT_FILE_STATUSES.map((s) => ({
            value: s,
            label: labelOf(RESIDENT_FILE_STATUS_LABELS, s, lang),
          }))}
        />
      </Space>
      <Card size="small">
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<ResidentFile>
            size="middle"
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 900 }}
            data-testid="resident-files-table"
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (n) => t('common.total', { n }),
              onChange: setPage,
            }}
            columns={[
              {
                title: t('files.at'),
                dataIndex: 'at',
                width: 150,
                render: (v: string) => formatDateTime(v, lang),
              },
              {
                title: t('files.kind'),
                dataIndex: 'kind',
                width: 100,
                render: (k: ResidentFile['kind']) => labelOf(RESIDENT_FILE_KIND_LABELS, k, lang),
              },
              { title: t('files.raised'), dataIndex: 'raised', ellipsis: true },
              {
                title: t('special.person'),
                dataIndex: 'personName',
                width: 90,
                render: (v: string | null) => v ?? '—',
              },
              {
                title: t('special.grid'),
                dataIndex: 'gridName',
                width: 140,
                render: (v: string | null, f) => v ?? f.gridCode ?? f.communityCode,
              },
              {
                title: t('files.status'),
                dataIndex: 'status',
                width: 90,
                render: (s: ResidentFile['status']) => (
                  <Tag color={STATUS_COLORS[s]}>
                    {labelOf(RESIDENT_FILE_STATUS_LABELS, s, lang)}
                  </Tag>
                ),
              },
              { title: t('files.author'), dataIndex: 'authorName', width: 100 },
              {
                title: t('special.actions'),
                key: 'actions',
                width: 190,
                render: (_: unknown, f) => (
                  <Space size={0} wrap>
                    {f.caseId ? (
                      <Link to={casePath(f.caseId)}>{t('files.case', { no: f.caseNo ?? '' })}</Link>
                    ) : null}
                    {canWrite ? (
                      <Button type="link" size="small" onClick={() => setEditing(f)}>
                        {t('files.followUp')}
                      </Button>
                    ) : null}
                    {canWrite && canReport && !f.caseId ? (
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setRaising(f)}
                        data-testid="file-raise-case"
                      >
                        {t('files.raiseCase')}
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      {editing ? (
        <ResidentFileForm
          file={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {raising ? (
        <RaiseCaseForm
          file={raising}
          onClose={() => setRaising(null)}
          onRaised={(f) => notifySuccess(t('files.caseRaised', { no: f.caseNo ?? '' }))}
        />
      ) : null}
    </PageContainer>
  );
}
