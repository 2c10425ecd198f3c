import 'ol/ol.css';
import { useEffect, useRef, useState } from 'react';
import type { AreaFeatureCollection } from '../../areas/api';
import type { LngLat } from '../../areas/map/area-map';
import { useAreaMap } from '../../areas/map/use-area-map';
import { useI18n } from '../../../lib/i18n';
import { usePublicAreas } from '../api';

interface PublicMapPickProps {
  value: LngLat | null;
  /** A tap on the map: the point and the name of the grid under it, if any. */
  onPick: (lngLat: LngLat, gridName: string | null) => void;
}

/**
 * The citizen's map pick: the public outlines (codes, names, shapes; no staff) on the offline background the staff
 * map uses without a configured basemap, so the page asks nothing of the internet. A chunk of its own: the form
 * renders first and the map (OpenLayers) follows.
 */
export function PublicMapPick({ value, onPick }: PublicMapPickProps) {
  const { t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const streets = usePublicAreas('street');
  const communities = usePublicAreas('community');
  const grids = usePublicAreas('grid', !streets.isPending && !communities.isPending);
  const gridNames = useRef(new Map<string, string>());
  const areaMap = useAreaMap(containerRef, (click) => {
    const name = click.gridId ? (gridNames.current.get(click.gridId) ?? null) : null;
    onPick(click.lngLat, name);
  });
  const [fitted, setFitted] = useState(false);

  // The public collections carry only code, name, level and parentCode: all the map's styles read.
  useEffect(() => {
    if (areaMap && streets.data)
      areaMap.setLevelData('street', streets.data as unknown as AreaFeatureCollection);
  }, [areaMap, streets.data]);
  useEffect(() => {
    if (areaMap && communities.data)
      areaMap.setLevelData('community', communities.data as unknown as AreaFeatureCollection);
  }, [areaMap, communities.data]);
  useEffect(() => {
    const el = containerRef.current;
    if (!areaMap || !grids.data || !el) return;
    gridNames.current = new Map(grids.data.features.map((f) => [f.id, f.properties.name]));
    const count = areaMap.setLevelData('grid', grids.data as unknown as AreaFeatureCollection);
    if (!fitted && !value && areaMap.fitToData()) setFitted(true);
    areaMap.whenRendered(() => el.setAttribute('data-grids-loaded', String(count)));
  }, [areaMap, grids.data, fitted, value]);

  useEffect(() => {
    areaMap?.setMarker(value);
  }, [areaMap, value]);

  // A point set from outside the map (search, device position) is brought into view.
  const shown = useRef('');
  useEffect(() => {
    if (!areaMap || !value || !grids.data) return;
    const key = value.join(',');
    if (shown.current === key) return;
    shown.current = key;
    areaMap.centerOn(value, 16);
    setFitted(true);
  }, [areaMap, value, grids.data]);

  return (
    <div className="report-map public-map" data-testid="public-map">
      <div ref={containerRef} className="map-canvas" />
      <div className="report-map__hint">{t('public.tapMap')}</div>
    </div>
  );
}
