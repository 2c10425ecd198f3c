import { Button, Card, Drawer } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import type { AreaRef } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/use-media-query';
import { AreaDetailContent } from './area-detail-content';

interface AreaDetailDockProps {
  id: string | null;
  onClose: () => void;
  onPickAncestor?: (area: AreaRef) => void;
}

/** Width of the desktop card (plus margin) and height of the phone sheet, in px. */
export const DETAIL_CARD_INSET = 384;
export function detailSheetHeight(): number {
  return Math.max(280, Math.round(window.innerHeight * 0.5));
}

/** The detail panel: a bottom drawer on phones, a card floating over the map on desktop. */
export function AreaDetailDock({ id, onClose, onPickAncestor }: AreaDetailDockProps) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const body = id ? <AreaDetailContent id={id} onPickAncestor={onPickAncestor} /> : null;

  if (isMobile) {
    return (
      <Drawer
        placement="bottom"
        open={id !== null}
        onClose={onClose}
        size={detailSheetHeight()}
        title={t('area.detail')}
        mask={false}
        styles={{ body: { padding: 12 } }}
      >
        <div data-testid="area-detail">{body}</div>
      </Drawer>
    );
  }
  if (!id) return null;
  return (
    <div className="map-side-panel">
      <Card
        size="small"
        title={t('area.detail')}
        extra={
          <Button
            type="text"
            size="small"
            icon={<CloseOutlined />}
            aria-label={t('common.close')}
            onClick={onClose}
          />
        }
        data-testid="area-detail"
      >
        {body}
      </Card>
    </div>
  );
}
