import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { App, AutoComplete, Button, Cascader, Input, Spin, Typography } from 'antd';
import { AimOutlined, ApartmentOutlined } from '@ant-design/icons';
import { useI18n } from '../../../lib/i18n';
import { usePublicAreaList, usePublicPlaces } from '../api';

// OpenLayers (~90 KB gzip) comes after the form: the page renders and the citizen can start typing while it loads.
const PublicMapPick = lazy(() =>
  import('./public-map-pick').then((m) => ({ default: m.PublicMapPick })),
);

/** Where the problem is: a point (map, search hit, device) or, as a last resort, a picked community or grid. */
export type Place =
  | {
      kind: 'point';
      lng: number;
      lat: number;
      how: 'map' | 'search' | 'device';
      label: string | null;
    }
  | { kind: 'area'; code: string; label: string };

interface PlacePickerProps {
  /** The address text (a form field): typed, or filled in from a search hit. */
  address?: string;
  onAddressChange?: (text: string) => void;
  place: Place | null;
  onPlaceChange: (place: Place | null) => void;
}

/** Typed words wait this long before a search: a phone keyboard types in bursts. */
function useDebounced(text: string, ms = 300): string {
  const [value, setValue] = useState(text);
  useEffect(() => {
    const id = setTimeout(() => setValue(text), ms);
    return () => clearTimeout(id);
  }, [text, ms]);
  return value;
}

/** Address search (标准地址 and area names), device position, the map, and a community/grid list. */
export function PlacePicker({
  address = '',
  onAddressChange,
  place,
  onPlaceChange,
}: PlacePickerProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [geoBusy, setGeoBusy] = useState(false);
  const [showAreas, setShowAreas] = useState(false);
  const query = useDebounced(address);
  const places = usePublicPlaces(place?.kind === 'point' && place.how === 'search' ? '' : query);
  const areaList = usePublicAreaList(showAreas);

  // The server answers each text once, so the text is the option's value (AutoComplete puts it in the input).
  const options = (places.data?.items ?? []).map((p) => ({
    value: p.text,
    label: (
      <span data-testid="public-place-option">
        {p.text}
        {p.areaName ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            · {p.areaName}
          </Typography.Text>
        ) : null}
      </span>
    ),
    place: p,
  }));

  const cascade = useMemo(() => {
    type Node = { value: string; label: string; children?: Node[] };
    const items = areaList.data?.items ?? [];
    const build = (parent: string | null): Node[] =>
      items
        .filter((a) => (parent ? a.parentCode === parent : a.level === 'street'))
        .map((a) => {
          const children = build(a.code);
          return { value: a.code, label: a.name, ...(children.length ? { children } : {}) };
        });
    return build(null);
  }, [areaList.data]);

  const locate = () => {
    if (!('geolocation' in navigator)) {
      void message.warning(t('public.geoUnsupported'));
      return;
    }
    setGeoBusy(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setGeoBusy(false);
        onPlaceChange({
          kind: 'point',
          lng: pos.coords.longitude,
          lat: pos.coords.latitude,
          how: 'device',
          label: null,
        });
      },
      (err) => {
        setGeoBusy(false);
        void message.warning(t('public.geoDenied', { reason: err.message || String(err.code) }));
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const status =
    place?.kind === 'point'
      ? t(`public.placeBy.${place.how}`, {
          lng: place.lng.toFixed(5),
          lat: place.lat.toFixed(5),
          label: place.label ?? '',
        })
      : place?.kind === 'area'
        ? t('public.placeBy.area', { label: place.label })
        : null;

  return (
    <div>
      <AutoComplete
        value={address}
        options={options}
        style={{ width: '100%' }}
        onChange={(text: string) => {
          onAddressChange?.(text);
          // Typing again after choosing a hit drops that hit's point.
          if (place?.kind === 'point' && place.how === 'search' && text !== place.label)
            onPlaceChange(null);
        }}
        onSelect={(_v: string, option: (typeof options)[number]) => {
          const p = option.place;
          onAddressChange?.(p.text);
          onPlaceChange({ kind: 'point', lng: p.lng, lat: p.lat, how: 'search', label: p.text });
        }}
        // "Not found" only while nothing is picked: once the map or the list gave the place, the text is free.
        notFoundContent={
          place ? null : places.isFetching ? (
            <Spin size="small" />
          ) : query.trim().length >= 2 ? (
            t('public.noPlace')
          ) : null
        }
      >
        <Input
          maxLength={200}
          placeholder={t('public.addressPlaceholder')}
          data-testid="public-address"
        />
      </AutoComplete>
      <div className="public-place-actions">
        <Button icon={<AimOutlined />} loading={geoBusy} onClick={locate} size="small">
          {t('public.useLocation')}
        </Button>
        <Button
          icon={<ApartmentOutlined />}
          size="small"
          onClick={() => setShowAreas((v) => !v)}
          data-testid="public-area-toggle"
        >
          {t('public.pickArea')}
        </Button>
      </div>
      {showAreas ? (
        <Cascader
          options={cascade}
          loading={areaList.isLoading}
          changeOnSelect
          showSearch
          style={{ width: '100%', marginTop: 8 }}
          placeholder={t('public.pickAreaPlaceholder')}
          data-testid="public-area-picker"
          onChange={(codes, selected) => {
            const code = (codes as string[] | undefined)?.at(-1);
            if (!code) return onPlaceChange(null);
            const label = (selected as { label: string }[]).map((o) => o.label).join(' ');
            onPlaceChange({ kind: 'area', code, label });
          }}
        />
      ) : null}
      <Suspense
        fallback={
          <div className="report-map report-map--loading public-map">
            <Spin />
          </div>
        }
      >
        <PublicMapPick
          value={place?.kind === 'point' ? [place.lng, place.lat] : null}
          onPick={(lngLat, gridName) =>
            onPlaceChange({
              kind: 'point',
              lng: lngLat[0],
              lat: lngLat[1],
              how: 'map',
              label: gridName,
            })
          }
        />
      </Suspense>
      {status ? (
        <div className="public-place-status" data-testid="public-place-status">
          <Typography.Text type="success" style={{ fontSize: 12 }}>
            {status}
          </Typography.Text>
          <Button type="link" size="small" onClick={() => onPlaceChange(null)}>
            {t('public.locationClear')}
          </Button>
        </div>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('public.locationHint')}
        </Typography.Text>
      )}
    </div>
  );
}
