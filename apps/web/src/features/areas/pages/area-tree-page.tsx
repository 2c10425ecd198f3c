import { useEffect, useState } from 'react';
import { Card, Drawer, Empty, Skeleton, Tag, Tree, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { AreaNode } from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/use-media-query';
import { areaKeys, fetchAreaChildren, useAreaTreeRoots } from '../api';
import { areaTypeLabel } from '../area-labels';
import { AreaDetailContent } from '../components/area-detail-content';

interface AreaTreeNode {
  key: string;
  title: string;
  isLeaf: boolean;
  area: AreaNode;
  children?: AreaTreeNode[];
}

const toTreeNode = (area: AreaNode): AreaTreeNode => ({
  key: area.id,
  title: area.name,
  isLeaf: area.level === 'grid',
  area,
});

function withChildren(
  nodes: AreaTreeNode[],
  key: string,
  children: AreaTreeNode[],
): AreaTreeNode[] {
  return nodes.map((n) => {
    if (n.key === key) return { ...n, children, isLeaf: children.length === 0 };
    return n.children ? { ...n, children: withChildren(n.children, key, children) } : n;
  });
}

/** 区 → 街道 → 社区 → 网格, children fetched when a node is expanded. */
export function AreaTreePage() {
  const { t, lang } = useI18n();
  const isMobile = useIsMobile();
  const client = useQueryClient();
  const roots = useAreaTreeRoots();
  const [treeData, setTreeData] = useState<AreaTreeNode[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  useEffect(() => {
    if (roots.data) setTreeData(roots.data.items.map(toTreeNode));
  }, [roots.data]);

  const loadChildren = async (node: AreaTreeNode): Promise<void> => {
    if (node.children || node.isLeaf) return;
    const { items } = await client.fetchQuery({
      queryKey: areaKeys.tree(node.area.code),
      queryFn: () => fetchAreaChildren(node.area.code),
    });
    setTreeData((prev) => withChildren(prev, node.key, items.map(toTreeNode)));
  };

  let body;
  if (roots.isPending) body = <Skeleton active />;
  else if (roots.isError)
    body = <QueryError error={roots.error} onRetry={() => void roots.refetch()} />;
  else if (treeData.length === 0) body = <Empty description={t('tree.empty')} />;
  else
    body = (
      <Tree<AreaTreeNode>
        showLine
        blockNode
        treeData={treeData}
        loadData={loadChildren}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(_keys, info) => setSelectedId(info.node.key)}
        titleRender={(node) => (
          <span data-code={node.area.code}>
            {node.area.name}{' '}
            <Typography.Text type="secondary" className="area-code" style={{ fontSize: 12 }}>
              {node.area.code}
            </Typography.Text>{' '}
            <Tag variant="filled" color={node.area.level === 'grid' ? 'blue' : 'default'}>
              {areaTypeLabel(node.area, lang)}
            </Tag>
          </span>
        )}
        data-testid="area-tree"
      />
    );

  return (
    <PageContainer title={t('tree.title')}>
      <Card size="small">{body}</Card>
      <Drawer
        open={selectedId !== null}
        onClose={() => setSelectedId(null)}
        placement={isMobile ? 'bottom' : 'right'}
        size={isMobile ? 480 : 440}
        title={t('area.detail')}
        destroyOnHidden
      >
        <div data-testid="area-detail">
          {selectedId ? <AreaDetailContent id={selectedId} /> : null}
        </div>
      </Drawer>
    </PageContainer>
  );
}
