import 'ol/ol.css';
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Space, Spin, Typography } from 'antd';
import { CompassOutlined } from '@ant-design/icons';
import type { LocateResponse } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import type { LngLat } from '../../areas/map/area-map';
import { useAreaMap } from '../../areas/map/use-area-map';
import { useMapLayers } from '../../areas/map/use-map-layers';
import { useLocatePoint } from '../lookups-api';
import { Colon } from '../../../components/label-colon';

interface LocationPickerProps {
  value: LngLat | null;
  onChange: (lngLat: LngLat) => void;
}

/** Picks the report's point: tap the map (grids drawn from our own server) or use the device position. */
export function LocationPicker({ value, onChange }: LocationPickerProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const containerRef = useRef<HTMLDivElement>(null);
  const [geoBusy, setGeoBusy] = useState(false);
  const areaMap = useAreaMap(containerRef, (click) => onChange(click.lngLat));
  const { gridCount } = useMapLayers(areaMap, containerRef);
  const located = useLocatePoint(value);

  useEffect(() => {
    areaMap?.setMarker(value);
  }, [areaMap, value]);

  const gridId = located.data?.found ? located.data.grid.id : null;
  useEffect(() => {
    areaMap?.setHighlight(gridId);
  }, [areaMap, gridId, gridCount]);

  // A point set from outside the map (GPS, photo EXIF) is brought into view.
  const shown = useRef<string>('');
  useEffect(() => {
    if (!areaMap || !value || gridCount === null) return;
    const key = value.join(',');
    if (shown.current === key) return;
    shown.current = key;
    areaMap.centerOn(value, 16);
  }, [areaMap, value, gridCount]);

  const locateMe = () => {
    if (!('geolocation' in navigator)) {
      void message.warning(t('map.geoUnsupported'));
      return;
    }
    setGeoBusy(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setGeoBusy(false);
        onChange([pos.coords.longitude, pos.coords.latitude]);
      },
      (err) => {
        setGeoBusy(false);
        void message.warning(t('map.geoDenied', { reason: err.message || String(err.code) }));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  };

  return (
    <div className="report-location">
      <div className="report-map" data-testid="report-map">
        <div ref={containerRef} className="map-canvas" />
        <div className="report-map__hint">{t('report.tapMap')}</div>
      </div>
      <Space wrap style={{ marginTop: 8 }}>
        <Button
          icon={<CompassOutlined />}
          loading={geoBusy}
          onClick={locateMe}
          data-testid="report-my-location"
        >
          {t('map.myLocation')}
        </Button>
        {value ? (
          <Typography.Text type="secondary" className="area-code" style={{ fontSize: 12 }}>
            {value[0].toFixed(6)}, {value[1].toFixed(6)}
          </Typography.Text>
        ) : null}
      </Space>
      <LocatedGrid value={value} loading={located.isFetching} result={located.data} />
    </div>
  );
}

function LocatedGrid({
  value,
  loading,
  result,
}: {
  value: LngLat | null;
  loading: boolean;
  result: LocateResponse | undefined;
}) {
  const { t } = useI18n();
  if (!value) return null;
  if (loading && !result) return <Spin size="small" style={{ display: 'block', marginTop: 8 }} />;
  if (!result) return null;
  if (!result.found)
    return (
      <Alert
        type="warning"
        showIcon
        title={t('map.notInGrid')}
        description={result.message}
        style={{ marginTop: 8 }}
      />
    );
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginTop: 8 }}
      data-testid="report-grid"
      title={
        <span>
          {t('report.grid')}
          <Colon />
          {result.path.map((a) => a.name).join(' / ')}{' '}
          <span className="area-code" style={{ fontSize: 12 }}>
            {result.grid.code}
          </span>
        </span>
      }
    />
  );
}
