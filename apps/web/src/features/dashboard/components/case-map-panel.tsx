import 'ol/ol.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Card, Segmented, Typography } from 'antd';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useAreaGeoJson, useMapSettings } from '../../areas/api';
import { useCaseMapPoints } from '../api';
import { createDashboardMap, type DashboardMap, type MapLayerMode } from '../map/dashboard-map';

const MODES: readonly MapLayerMode[] = ['cluster', 'grid', 'heat'];

/**
 * 在办案件分布: the open cases of the area on the offline map (the deployment's basemap, if any, and the grid
 * outlines the map pages load). Loaded lazily by the dashboard, so OpenLayers is not in the page's first chunk.
 */
export default function CaseMapPanel({ areaCode }: { areaCode: string | null }) {
  const { t } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<DashboardMap | null>(null);
  const [mode, setMode] = useState<MapLayerMode>('cluster');
  const settings = useMapSettings();
  const grid = useAreaGeoJson('grid');
  const cases = useCaseMapPoints(areaCode);

  useEffect(() => {
    if (!el.current) return;
    const m = createDashboardMap(el.current);
    setMap(m);
    return () => {
      m.dispose();
      setMap(null);
    };
  }, []);
  useEffect(() => map?.setBasemap(settings.data?.basemapUrl ?? null), [map, settings.data]);
  // The picked area's grids only (codes nest: a grid's code starts with its street's and community's).
  const grids = useMemo(
    () =>
      grid.data && areaCode
        ? {
            ...grid.data,
            features: grid.data.features.filter((f) =>
              String(
                (f as { properties?: { code?: unknown } | null }).properties?.code ?? '',
              ).startsWith(areaCode),
            ),
          }
        : grid.data,
    [grid.data, areaCode],
  );
  useEffect(() => {
    if (map && grids) map.setGrids(grids);
  }, [map, grids]);
  useEffect(() => {
    if (map && cases.data) map.setCases(cases.data);
  }, [map, cases.data]);
  useEffect(() => map?.setMode(mode), [map, mode]);

  return (
    <Card
      size="small"
      title={t('dashboard.map')}
      className="dashboard-section dashboard-map-card"
      data-testid="dashboard-map-card"
      extra={
        <Segmented<MapLayerMode>
          size="small"
          value={mode}
          onChange={setMode}
          options={MODES.map((m) => ({ value: m, label: t(`dashboard.map.${m}`) }))}
          data-testid="dashboard-map-mode"
        />
      }
    >
      {cases.isError ? (
        <QueryError error={cases.error} onRetry={() => void cases.refetch()} />
      ) : null}
      <div ref={el} className="dashboard-map" data-testid="dashboard-map" />
      {cases.data ? (
        <Typography.Text type="secondary" className="dashboard-map-note">
          {t('dashboard.map.count', { n: cases.data.total })}
          {cases.data.truncated
            ? ` · ${t('dashboard.map.truncated', { n: cases.data.points.length })}`
            : ''}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
