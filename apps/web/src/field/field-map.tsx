import { useEffect, useRef } from 'react';
import OlMap from 'ol/Map';
import View from 'ol/View';
import Feature from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import LineString from 'ol/geom/LineString';
import Point from 'ol/geom/Point';
import TileLayer from 'ol/layer/Tile';
import VectorLayer from 'ol/layer/Vector';
import { fromLonLat, toLonLat } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import XYZ from 'ol/source/XYZ';
import { Circle, Fill, Stroke, Style } from 'ol/style';
import { defaults as defaultControls } from 'ol/control/defaults';
import 'ol/ol.css';

export type LngLat = [number, number];

export interface FieldMapProps {
  /** The platform's basemap (offline tiles on the intranet), or none: outlines and points still draw. */
  basemapUrl: string | null;
  /** Boundary to draw (a GeoJSON geometry or feature collection, WGS-84). */
  boundary?: unknown;
  marker?: LngLat | null;
  points?: LngLat[];
  track?: LngLat[];
  onPick?: (p: LngLat) => void;
  height?: number;
  testId?: string;
}

const geo = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
const boundaryStyle = new Style({
  stroke: new Stroke({ color: '#1677ff', width: 2 }),
  fill: new Fill({ color: 'rgba(22,119,255,0.06)' }),
});
const markerStyle = new Style({
  image: new Circle({
    radius: 8,
    fill: new Fill({ color: '#ff4d4f' }),
    stroke: new Stroke({ color: '#fff', width: 2 }),
  }),
});
const pointStyle = new Style({
  image: new Circle({
    radius: 5,
    fill: new Fill({ color: '#fa8c16' }),
    stroke: new Stroke({ color: '#fff', width: 1 }),
  }),
});
const trackStyle = new Style({ stroke: new Stroke({ color: '#52c41a', width: 4 }) });

/** One small OpenLayers map for the field screens (loaded with them only: OpenLayers is most of a map screen). */
export default function FieldMap(props: FieldMapProps) {
  const target = useRef<HTMLDivElement>(null);
  const map = useRef<OlMap | null>(null);
  const source = useRef(new VectorSource());
  const pick = useRef(props.onPick);
  pick.current = props.onPick;

  useEffect(() => {
    const layers = [];
    if (props.basemapUrl)
      layers.push(
        new TileLayer({ source: new XYZ({ url: props.basemapUrl, crossOrigin: 'anonymous' }) }),
      );
    layers.push(new VectorLayer({ source: source.current }));
    const m = new OlMap({
      target: target.current!,
      layers,
      controls: defaultControls({ rotate: false, attribution: false }),
      view: new View({ center: fromLonLat([113.6, 34.75]), zoom: 12, maxZoom: 20 }),
    });
    m.on('singleclick', (e) => {
      const [lng, lat] = toLonLat(e.coordinate);
      pick.current?.([Number(lng!.toFixed(7)), Number(lat!.toFixed(7))]);
    });
    map.current = m;
    return () => {
      m.setTarget(undefined);
      map.current = null;
    };
  }, [props.basemapUrl]);

  const { boundary, marker, points, track } = props;
  useEffect(() => {
    const s = source.current;
    s.clear();
    if (boundary) {
      for (const f of geo.readFeatures(boundary)) {
        f.setStyle(boundaryStyle);
        s.addFeature(f);
      }
    }
    for (const p of points ?? []) {
      const f = new Feature(new Point(fromLonLat(p)));
      f.setStyle(pointStyle);
      s.addFeature(f);
    }
    if (track && track.length > 1) {
      const f = new Feature(new LineString(track.map((p) => fromLonLat(p))));
      f.setStyle(trackStyle);
      s.addFeature(f);
    }
    if (marker) {
      const f = new Feature(new Point(fromLonLat(marker)));
      f.setStyle(markerStyle);
      s.addFeature(f);
    }
    const m = map.current;
    if (!m) return;
    const extent = s.getExtent();
    if (marker && !boundary && !track?.length)
      m.getView().animate({ center: fromLonLat(marker), zoom: 17, duration: 0 });
    else if (Number.isFinite(extent[0]))
      m.getView().fit(extent, { padding: [24, 24, 24, 24], maxZoom: 17 });
  }, [boundary, marker, points, track]);

  return (
    <div
      ref={target}
      className="fmap"
      data-testid={props.testId ?? 'field-map'}
      style={{ height: props.height ?? 260 }}
    />
  );
}
