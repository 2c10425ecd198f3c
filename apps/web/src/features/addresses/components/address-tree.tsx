import { useCallback, useState } from 'react';
import { Empty, Skeleton, Tag, Tree, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { AddressNode } from '@wangge/shared';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { addressKeys, fetchAddressList, useAddressList } from '../api';
import { LEVEL_COLORS, levelLabel } from '../address-format';

// Children shown per node; a 街巷 with more door plates is reached through the search box.
const CHILD_PAGE = 200;

interface Loaded {
  items: AddressNode[];
  total: number;
}

/** Children per loaded node, fetched on expand and refetched after an edit below it. */
export function useAddressTreeState() {
  const client = useQueryClient();
  const [children, setChildren] = useState<Record<string, Loaded>>({});
  const load = useCallback(
    async (parentId: string, force = false) => {
      const params = { parentId, limit: CHILD_PAGE };
      if (force) await client.invalidateQueries({ queryKey: addressKeys.list(params) });
      const r = await client.fetchQuery({
        queryKey: addressKeys.list(params),
        queryFn: ({ signal }) => fetchAddressList(params, signal),
      });
      setChildren((prev) => ({ ...prev, [parentId]: { items: r.items, total: r.total } }));
    },
    [client],
  );
  /** Refreshes a node's children if they were shown (a new child, a rename below it). */
  const reload = useCallback(
    async (parentId: string | null) => {
      if (parentId === null || children[parentId])
        await (parentId
          ? load(parentId, true)
          : client.invalidateQueries({ queryKey: addressKeys.list({ limit: CHILD_PAGE }) }));
    },
    [children, client, load],
  );
  return { children, load, reload };
}

interface TreeItem {
  key: string;
  isLeaf: boolean;
  selectable?: boolean;
  node: AddressNode | null;
  label: string;
  children?: TreeItem[];
}

interface AddressTreeProps {
  state: ReturnType<typeof useAddressTreeState>;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** 街巷 → 门牌 → … → 户室, children fetched when a node is expanded. */
export function AddressTree({ state, selectedId, onSelect }: AddressTreeProps) {
  const { t, lang } = useI18n();
  const roots = useAddressList({ limit: CHILD_PAGE });

  const build = (n: AddressNode): TreeItem => {
    const loaded = state.children[n.id];
    const more =
      loaded && loaded.total > loaded.items.length
        ? [
            {
              key: `${n.id}:more`,
              isLeaf: true,
              selectable: false,
              node: null,
              label: t('addr.moreChildren', { n: loaded.total - loaded.items.length }),
            },
          ]
        : [];
    return {
      key: n.id,
      isLeaf: n.level === 'room' || n.childCount === 0,
      node: n,
      label: n.name,
      ...(loaded ? { children: [...loaded.items.map(build), ...more] } : {}),
    };
  };

  if (roots.isPending) return <Skeleton active />;
  if (roots.isError) return <QueryError error={roots.error} onRetry={() => void roots.refetch()} />;
  if (roots.data.items.length === 0) return <Empty description={t('addr.empty')} />;
  return (
    <Tree<TreeItem>
      showLine
      blockNode
      treeData={roots.data.items.map(build)}
      loadData={async (item) => {
        if (item.node && !state.children[item.node.id]) await state.load(item.node.id);
      }}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(_keys, info) => {
        if (info.node.node) onSelect(info.node.node.id);
      }}
      titleRender={(item) =>
        item.node ? (
          <span data-address-id={item.node.id}>
            {item.label}{' '}
            <Tag color={LEVEL_COLORS[item.node.level]} style={{ marginInlineEnd: 0 }}>
              {levelLabel(item.node.level, lang)}
            </Tag>
          </span>
        ) : (
          <Typography.Text type="secondary">{item.label}</Typography.Text>
        )
      }
      data-testid="address-tree"
    />
  );
}
