import { useState } from 'react';
import { Button, Card, Drawer, Empty } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { AddressDetail } from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/use-media-query';
import { useHasPermission } from '../../auth/api';
import { AddressNodeForm, type NodeFormMode } from '../components/address-node-form';
import { AddressNodePanel } from '../components/address-node-panel';
import { AddressSearchBox } from '../components/address-search-box';
import { AddressTree, useAddressTreeState } from '../components/address-tree';
import { HouseCreateModal } from '../components/house-create-modal';

/** 标准地址: browse the tree, find any address by its parts, add and rename nodes. The node shown is in the URL. */
export function AddressTreePage() {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const canManage = useHasPermission('registry.manage');
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('node');
  const tree = useAddressTreeState();
  const [form, setForm] = useState<NodeFormMode | null>(null);
  const [houseRoom, setHouseRoom] = useState<AddressDetail | null>(null);

  const select = (id: string | null) => setParams(id ? { node: id } : {}, { replace: true });
  const saved = (node: AddressDetail) => {
    setForm(null);
    void tree.reload(node.parentId);
    select(node.id);
  };

  const panel = selectedId ? (
    <AddressNodePanel
      id={selectedId}
      onSelect={select}
      onAddChild={(parent) => setForm({ kind: 'create', parent })}
      onEdit={(node) => setForm({ kind: 'edit', node })}
      onRegisterHouse={setHouseRoom}
    />
  ) : (
    <Empty description={t('addr.pickHint')} />
  );

  return (
    <PageContainer
      title={t('addr.title')}
      extra={
        canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setForm({ kind: 'create', parent: null })}
            data-testid="address-add-root"
          >
            {t('addr.addRoot')}
          </Button>
        ) : null
      }
    >
      <div style={{ marginBottom: 12 }}>
        <AddressSearchBox onPick={(n) => select(n.id)} />
      </div>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: isMobile ? '1fr' : 'minmax(260px, 2fr) 3fr',
          gap: 12,
          alignItems: 'start',
        }}
      >
        <Card size="small" title={t('addr.tree')}>
          <AddressTree state={tree} selectedId={selectedId} onSelect={select} />
        </Card>
        {isMobile ? null : <Card size="small">{panel}</Card>}
      </div>
      {isMobile ? (
        <Drawer
          open={selectedId !== null}
          onClose={() => select(null)}
          placement="bottom"
          size={520}
          title={t('addr.detail')}
          destroyOnHidden
        >
          {panel}
        </Drawer>
      ) : null}
      {form ? <AddressNodeForm mode={form} onClose={() => setForm(null)} onSaved={saved} /> : null}
      {houseRoom ? <HouseCreateModal room={houseRoom} onClose={() => setHouseRoom(null)} /> : null}
    </PageContainer>
  );
}
