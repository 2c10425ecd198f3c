import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { useI18n } from '../../../lib/i18n';

interface Gps {
  lng: number;
  lat: number;
}

/** The device position for 核实属实: read when the form opens, re-read on demand. */
export function GpsCapture({
  value,
  onChange,
}: {
  value?: Gps;
  onChange?: (value: Gps | undefined) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // onChange from Form.Item changes identity every render; the position is read once on open.
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  const read = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setError(t('map.geoUnsupported'));
      return;
    }
    setBusy(true);
    setError(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setBusy(false);
        onChangeRef.current?.({ lng: pos.coords.longitude, lat: pos.coords.latitude });
      },
      (err) => {
        setBusy(false);
        setError(t('map.geoDenied', { reason: err.message || String(err.code) }));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    );
  }, [t]);

  useEffect(() => {
    read();
  }, [read]);

  return (
    <Space orientation="vertical" size={2} data-testid="field-gps">
      <Space wrap>
        <Button size="small" icon={<AimOutlined />} loading={busy} onClick={read}>
          {value ? t('action.gpsAgain') : t('action.gpsRead')}
        </Button>
        {value ? (
          <Typography.Text className="area-code" style={{ fontSize: 12 }}>
            {value.lng.toFixed(6)}, {value.lat.toFixed(6)}
          </Typography.Text>
        ) : null}
      </Space>
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
    </Space>
  );
}
