import 'ol/ol.css';
import { useEffect, useRef } from 'react';
import OlMap from 'ol/Map';
import View from 'ol/View';
import Feature from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import { fromLonLat } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import { Circle, Fill, Stroke, Style } from 'ol/style';
import type { PublicBoardItem } from '@wangge/shared';
import { usePublicAreas } from '../api';

const OUTLINE = new Style({
  stroke: new Stroke({ color: '#8c8c8c', width: 1 }),
  fill: new Fill({ color: 'rgba(240,240,240,0.4)' }),
});
const pointStyle = (selected: boolean) =>
  new Style({
    image: new Circle({
      radius: selected ? 9 : 6,
      fill: new Fill({ color: selected ? '#cf1322' : '#1677ff' }),
      stroke: new Stroke({ color: '#fff', width: 2 }),
    }),
  });

/**
 * The board's map: community outlines (public names and shapes) and a dot per report that has a place; sensitive
 * reports have none. No tiles are fetched (the portal asks nothing of the internet). The list beside it carries the
 * same reports with the same details, so the map is an extra and hidden from screen readers; a tap on a dot selects
 * its report in the list.
 */
export function BoardMap({
  items,
  selected,
  onSelect,
}: {
  items: PublicBoardItem[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const outlines = useRef(new VectorSource());
  const points = useRef(new VectorSource());
  const map = useRef<OlMap | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const communities = usePublicAreas('community');

  useEffect(() => {
    if (!el.current) return;
    const m = new OlMap({
      target: el.current,
      layers: [
        new VectorLayer({ source: outlines.current, style: OUTLINE }),
        new VectorLayer({
          source: points.current,
          style: (f) => pointStyle(Boolean(f.get('selected'))),
        }),
      ],
      view: new View({ center: fromLonLat([108.9, 34.3]), zoom: 4, maxZoom: 19 }),
      // No buttons: the map is hidden from assistive technology (the list says it all), so nothing in it may take
      // the keyboard's focus; pinch and wheel still zoom.
      controls: [],
    });
    m.on('singleclick', (e) => {
      m.forEachFeatureAtPixel(e.pixel, (f) => {
        const id = f.get('reportId') as string | undefined;
        if (id) onSelectRef.current(id);
        return Boolean(id);
      });
    });
    map.current = m;
    return () => {
      m.setTarget(undefined);
      map.current = null;
    };
  }, []);

  useEffect(() => {
    if (!communities.data) return;
    outlines.current.clear();
    outlines.current.addFeatures(
      new GeoJSON().readFeatures(communities.data, { featureProjection: 'EPSG:3857' }),
    );
  }, [communities.data]);

  useEffect(() => {
    const src = points.current;
    src.clear();
    for (const i of items) {
      if (!i.point) continue;
      const f = new Feature({ geometry: new Point(fromLonLat(i.point)) });
      f.set('reportId', i.id);
      f.set('selected', i.id === selected);
      src.addFeature(f);
    }
    el.current?.setAttribute('data-points', String(src.getFeatures().length));
    const extent = (src.getFeatures().length ? src : outlines.current).getExtent();
    if (map.current && Number.isFinite(extent[0]))
      map.current.getView().fit(extent, { padding: [24, 24, 24, 24], maxZoom: 16 });
  }, [items, selected, communities.data]);

  return (
    <div
      ref={el}
      data-testid="board-map"
      aria-hidden="true"
      style={{ height: 360, border: '1px solid #f0f0f0', borderRadius: 8, background: '#fafafa' }}
    />
  );
}
