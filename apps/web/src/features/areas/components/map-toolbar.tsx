import { Button, Tooltip } from 'antd';
import { AimOutlined, CompassOutlined } from '@ant-design/icons';
import type { AreaNode } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { AreaSearch } from './area-search';

interface MapToolbarProps {
  locateMode: boolean;
  onToggleLocate: () => void;
  onMyLocation: () => void;
  locating: boolean;
  onPickArea: (area: AreaNode) => void;
  /** Phones: icon-only buttons so everything fits in one row at 375 px. */
  compact: boolean;
}

export function MapToolbar({
  locateMode,
  onToggleLocate,
  onMyLocation,
  locating,
  onPickArea,
  compact,
}: MapToolbarProps) {
  const { t } = useI18n();
  return (
    <div className="map-toolbar">
      <AreaSearch className="map-toolbar__search" onPick={onPickArea} />
      <Tooltip title={t('map.locateHint')}>
        <Button
          type={locateMode ? 'primary' : 'default'}
          icon={<AimOutlined />}
          onClick={onToggleLocate}
          aria-pressed={locateMode}
          aria-label={t('map.locate')}
          data-testid="locate-toggle"
        >
          {compact ? null : t('map.locate')}
        </Button>
      </Tooltip>
      <Tooltip title={compact ? t('map.myLocation') : undefined}>
        <Button
          icon={<CompassOutlined />}
          onClick={onMyLocation}
          loading={locating}
          aria-label={t('map.myLocation')}
          data-testid="my-location"
        >
          {compact ? null : t('map.myLocation')}
        </Button>
      </Tooltip>
    </div>
  );
}
