import 'ol/ol.css';
import { useEffect, useRef } from 'react';
import type { LngLat } from '../../areas/map/area-map';
import { useAreaMap } from '../../areas/map/use-area-map';
import { useMapLayers } from '../../areas/map/use-map-layers';

const noop = () => undefined;

/** A small map with the case's point and its grid highlighted. */
export function CaseMiniMap({ position, gridId }: { position: LngLat; gridId: string | null }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const areaMap = useAreaMap(containerRef, noop);
  const { gridCount } = useMapLayers(areaMap, containerRef);
  const [lng, lat] = position;

  useEffect(() => {
    areaMap?.setMarker([lng, lat]);
  }, [areaMap, lng, lat]);

  useEffect(() => {
    areaMap?.setHighlight(gridId);
  }, [areaMap, gridId, gridCount]);

  // After the layers fitted the view to the whole area, zoom in on the case.
  useEffect(() => {
    if (areaMap && gridCount !== null) areaMap.centerOn([lng, lat], 15);
  }, [areaMap, gridCount, lng, lat]);

  return (
    <div className="case-mini-map" data-testid="case-map">
      <div ref={containerRef} className="map-canvas" />
    </div>
  );
}
