import { useEffect, useRef, useState, type RefObject } from 'react';
import type { AreaLevel } from '@wangge/shared';
import { useAreaGeoJson, useMapSettings, type AreaFeatureCollection } from '../api';
import type { AreaMap } from './area-map';

function useLevelData(
  areaMap: AreaMap | null,
  level: AreaLevel,
  data: AreaFeatureCollection | undefined,
): void {
  useEffect(() => {
    if (areaMap && data) areaMap.setLevelData(level, data);
  }, [areaMap, level, data]);
}

/**
 * Feeds the map: basemap (only when configured), then district/street/community outlines,
 * then the grids as a separate, larger request. Fits the view once, then marks the container
 * with data-grids-loaded="<count>" after the first complete render (a hook for browser tests).
 */
export function useMapLayers(
  areaMap: AreaMap | null,
  containerRef: RefObject<HTMLDivElement | null>,
) {
  const settings = useMapSettings();
  const district = useAreaGeoJson('district');
  const street = useAreaGeoJson('street');
  const community = useAreaGeoJson('community');
  const outlinesSettled = !district.isPending && !street.isPending && !community.isPending;
  const grids = useAreaGeoJson('grid', outlinesSettled);
  const fittedMap = useRef<AreaMap | null>(null);
  const [gridCount, setGridCount] = useState<number | null>(null);

  useEffect(() => {
    areaMap?.setBasemap(settings.data?.basemapUrl ?? null);
  }, [areaMap, settings.data]);

  useLevelData(areaMap, 'district', district.data);
  useLevelData(areaMap, 'street', street.data);
  useLevelData(areaMap, 'community', community.data);

  // Declared after the level effects so it sees their features in the same commit.
  useEffect(() => {
    if (!areaMap || !outlinesSettled || fittedMap.current === areaMap) return;
    if (areaMap.fitToData()) fittedMap.current = areaMap;
  }, [areaMap, outlinesSettled, district.data, street.data, community.data]);

  useEffect(() => {
    const el = containerRef.current;
    if (!areaMap || !grids.data || !el) return;
    const count = areaMap.setLevelData('grid', grids.data);
    // A user scoped to a few grids has no outlines: fit to the grids instead.
    if (fittedMap.current !== areaMap && areaMap.fitToData()) fittedMap.current = areaMap;
    setGridCount(count);
    areaMap.whenRendered(() => el.setAttribute('data-grids-loaded', String(count)));
  }, [areaMap, grids.data, containerRef]);

  return {
    gridCount,
    gridsLoading: grids.isPending || grids.isFetching,
    gridsError: grids.isError,
  };
}
