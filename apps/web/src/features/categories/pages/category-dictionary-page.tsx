import { useMemo, useState } from 'react';
import { Button, Card, Drawer, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { AuditOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CATEGORY_KIND_LABELS,
  CATEGORY_KINDS,
  CATEGORY_LEVEL_LABELS,
  type CategoryKind,
  type CategoryNode,
} from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { useHasPermission } from '../../auth/api';
import { AuditTrail } from '../../audit/components/audit-trail';
import { ConfigSheetButtons } from '../../imports/components/config-sheet-buttons';
import { useI18n } from '../../../lib/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { dictionaryKeys, useDictionaryTree } from '../dictionary-api';
import { CategoryEditor, childLevelOf } from '../components/category-editor';

/** Every key of a tree, to open a search's hits at once. */
function allKeys(nodes: readonly CategoryNode[]): string[] {
  return nodes.flatMap((n) => [n.code, ...allKeys(n.children ?? [])]);
}
/** antd treats an empty children array as expandable: leaves carry none. */
function pruned(nodes: readonly CategoryNode[]): CategoryNode[] {
  return nodes.map(({ children, ...n }) =>
    children?.length ? { ...n, children: pruned(children) } : n,
  );
}

/**
 * 分类字典: the GB/T tree (大类 → 小类) with the city's own 子类/细类, searched by code, name, synonym or old code.
 * Administrators edit names, 地方叫法 and the flags the case engine reads, add local classes, and (de)activate;
 * the server checks codes and refuses to retire a class with open cases.
 */
export function CategoryDictionaryPage() {
  const { t, lang } = useI18n();
  const canManage = useHasPermission('categories.manage');
  const [kind, setKind] = useState<CategoryKind>('matter');
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const tree = useDictionaryTree(kind, q);
  const [editing, setEditing] = useState<{ category: CategoryNode; mode: 'edit' | 'add' } | null>(
    null,
  );
  const [auditOpen, setAuditOpen] = useState(false);
  const [expanded, setExpanded] = useState<readonly React.Key[]>([]);
  const items = useMemo(() => pruned(tree.data?.items ?? []), [tree.data]);
  // A search opens every hit's path; browsing starts folded.
  const expandedKeys = q ? allKeys(items) : expanded;

  return (
    <PageContainer
      title={t('dict.title')}
      extra={
        <Space wrap>
          <ConfigSheetButtons kind="categories" refresh={[[...dictionaryKeys.all]]} />
          <Button
            icon={<AuditOutlined />}
            onClick={() => setAuditOpen(true)}
            data-testid="dict-audit"
          >
            {t('dict.audit')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('dict.hint')}
        </Typography.Paragraph>
        <Card size="small">
          <Space wrap size={[12, 8]}>
            <Segmented<CategoryKind>
              value={kind}
              onChange={setKind}
              options={CATEGORY_KINDS.map((k) => ({
                value: k,
                label: CATEGORY_KIND_LABELS[k][lang],
              }))}
              data-testid="dict-kind"
            />
            <Input.Search
              allowClear
              placeholder={t('dict.search')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              style={{ width: 320 }}
              data-testid="dict-search"
            />
          </Space>
        </Card>
        <Card size="small">
          {tree.isError ? (
            <QueryError error={tree.error} onRetry={() => void tree.refetch()} />
          ) : (
            <Table<CategoryNode>
              size="small"
              rowKey="code"
              loading={tree.isFetching}
              dataSource={items}
              pagination={false}
              scroll={{ x: 1100, y: 'calc(100vh - 330px)' }}
              expandable={{
                expandedRowKeys: expandedKeys,
                onExpandedRowsChange: (keys) => setExpanded(keys),
              }}
              locale={{ emptyText: q ? t('dict.noHit') : t('dict.empty') }}
              data-testid="dict-table"
              rowClassName={(c) => (c.active ? '' : 'row-inactive')}
              columns={[
                {
                  title: t('dict.code'),
                  dataIndex: 'code',
                  width: 210,
                  render: (code: string) => <span className="area-code">{code}</span>,
                },
                {
                  title: t('dict.name'),
                  dataIndex: 'name',
                  width: 230,
                  render: (name: string, c) => (
                    <Space size={4} wrap>
                      <span>{name}</span>
                      {c.isLocalExtension ? <Tag color="blue">{t('dict.local')}</Tag> : null}
                    </Space>
                  ),
                },
                {
                  title: t('dict.level'),
                  dataIndex: 'level',
                  width: 70,
                  render: (l: CategoryNode['level']) => CATEGORY_LEVEL_LABELS[l][lang],
                },
                {
                  title: t('dict.synonyms'),
                  dataIndex: 'synonyms',
                  render: (s: string[]) => (s.length ? s.join('、') : '—'),
                },
                {
                  title: t('dict.flags'),
                  key: 'flags',
                  width: 170,
                  render: (_: unknown, c) => (
                    <Space size={4} wrap>
                      {c.selfHandleAllowed ? <Tag color="green">{t('dict.selfHandle')}</Tag> : null}
                      {c.verifyRequired ? <Tag color="gold">{t('dict.verifyRequired')}</Tag> : null}
                    </Space>
                  ),
                },
                {
                  title: t('dict.radius'),
                  dataIndex: 'duplicateRadiusM',
                  width: 100,
                  render: (m: number) => `${m} ${t('dict.meters')}`,
                },
                {
                  title: t('dict.active'),
                  dataIndex: 'active',
                  width: 70,
                  render: (a: boolean) => (
                    <Tag color={a ? 'success' : 'default'}>{a ? t('dict.on') : t('dict.off')}</Tag>
                  ),
                },
                ...(canManage
                  ? [
                      {
                        title: t('dict.actions'),
                        key: 'actions',
                        width: 170,
                        fixed: 'right' as const,
                        render: (_: unknown, c: CategoryNode) => (
                          <Space size={0}>
                            <Button
                              type="link"
                              size="small"
                              icon={<EditOutlined />}
                              onClick={() => setEditing({ category: c, mode: 'edit' })}
                              data-testid={`dict-edit-${c.code}`}
                            >
                              {t('dict.edit')}
                            </Button>
                            {childLevelOf(c.level) ? (
                              <Button
                                type="link"
                                size="small"
                                icon={<PlusOutlined />}
                                onClick={() => setEditing({ category: c, mode: 'add' })}
                                data-testid={`dict-add-${c.code}`}
                              >
                                {t('dict.addChild')}
                              </Button>
                            ) : null}
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </Card>
      </Space>
      {editing ? (
        <CategoryEditor
          category={editing.category}
          mode={editing.mode}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <Drawer
        open={auditOpen}
        onClose={() => setAuditOpen(false)}
        size={1000}
        title={t('dict.audit')}
        destroyOnHidden
      >
        <AuditTrail targetType="category" pageSize={15} />
      </Drawer>
    </PageContainer>
  );
}
