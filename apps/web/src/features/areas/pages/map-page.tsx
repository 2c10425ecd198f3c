import 'ol/ol.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { App } from 'antd';
import type { AreaNode, AreaRef, LocateResponse } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { useAreaDetail, useLocate } from '../api';
import { useIsMobile } from '../../../lib/use-media-query';
import {
  AreaDetailDock,
  DETAIL_CARD_INSET,
  detailSheetHeight,
} from '../components/area-detail-dock';
import { LocateResultCard } from '../components/locate-result-card';
import { MapToolbar } from '../components/map-toolbar';
import type { LngLat, MapClick } from '../map/area-map';
import { useAreaMap } from '../map/use-area-map';
import { useMapLayers } from '../map/use-map-layers';

/** The main page: area boundaries, click-to-inspect grids, search, and point location. */
export function MapPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const containerRef = useRef<HTMLDivElement>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [locateMode, setLocateMode] = useState(false);
  const [locatePoint, setLocatePoint] = useState<LngLat | null>(null);
  const [locateResult, setLocateResult] = useState<LocateResponse | null>(null);
  const [geoBusy, setGeoBusy] = useState(false);
  // An area picked by search whose boundary is not loaded yet: fit to its bbox once known.
  const pendingFit = useRef<string | null>(null);
  const locate = useLocate();
  const mutateLocate = locate.mutate;

  const runLocate = useCallback(
    (lngLat: LngLat) => {
      setLocatePoint(lngLat);
      setLocateResult(null);
      mutateLocate(lngLat, {
        onSuccess: (result) => {
          setLocateResult(result);
          if (result.found) setSelectedId(result.grid.id);
        },
      });
    },
    [mutateLocate],
  );

  const onMapClick = (click: MapClick) => {
    if (locateMode) runLocate(click.lngLat);
    else setSelectedId(click.gridId);
  };

  const areaMap = useAreaMap(containerRef, onMapClick);
  const { gridCount, gridsLoading } = useMapLayers(areaMap, containerRef);
  const detail = useAreaDetail(selectedId);

  useEffect(() => {
    areaMap?.setHighlight(selectedId);
  }, [areaMap, selectedId, gridCount]);

  useEffect(() => {
    areaMap?.setMarker(locatePoint);
  }, [areaMap, locatePoint]);

  useEffect(() => {
    if (!areaMap || !detail.data || pendingFit.current !== detail.data.id) return;
    pendingFit.current = null;
    keepClearOfPanel();
    areaMap.fitToLngLatBbox(detail.data.bbox);
  }, [areaMap, detail.data]);

  // The detail panel opens with the selection: zoom so the area is not hidden under it.
  function keepClearOfPanel() {
    areaMap?.setInsets(
      isMobile
        ? { right: 0, bottom: detailSheetHeight() }
        : { right: DETAIL_CARD_INSET, bottom: 0 },
    );
  }

  const selectAndZoom = (area: AreaNode | AreaRef) => {
    setSelectedId(area.id);
    keepClearOfPanel();
    if (!areaMap?.fitToFeature(area.id)) pendingFit.current = area.id;
  };

  const toggleLocate = () => {
    const next = !locateMode;
    setLocateMode(next);
    if (next) void message.info(t('map.locateHint'));
  };

  const locateMe = () => {
    if (!('geolocation' in navigator)) {
      void message.warning(t('map.geoUnsupported'));
      return;
    }
    setGeoBusy(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setGeoBusy(false);
        const lngLat: LngLat = [pos.coords.longitude, pos.coords.latitude];
        areaMap?.centerOn(lngLat, 16);
        runLocate(lngLat);
      },
      (err) => {
        setGeoBusy(false);
        void message.warning(t('map.geoDenied', { reason: err.message || String(err.code) }));
      },
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="map-page">
      <div ref={containerRef} className="map-canvas" />
      <MapToolbar
        locateMode={locateMode}
        onToggleLocate={toggleLocate}
        onMyLocation={locateMe}
        compact={isMobile}
        locating={geoBusy}
        onPickArea={selectAndZoom}
      />
      <AreaDetailDock
        id={selectedId}
        onClose={() => setSelectedId(null)}
        onPickAncestor={selectAndZoom}
      />
      <LocateResultCard
        result={locateResult}
        loading={locate.isPending}
        lngLat={locatePoint}
        onPick={selectAndZoom}
        onClose={() => {
          setLocatePoint(null);
          setLocateResult(null);
        }}
      />
      <div className="map-status" aria-live="polite">
        {gridsLoading
          ? t('map.loadingGrids')
          : gridCount !== null
            ? t('map.gridCount', { n: gridCount })
            : null}
      </div>
    </div>
  );
}
