import OlMap from 'ol/Map';
import View from 'ol/View';
import Feature from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import type { Geometry } from 'ol/geom';
import Point from 'ol/geom/Point';
import TileLayer from 'ol/layer/Tile';
import VectorLayer from 'ol/layer/Vector';
import { fromLonLat } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import XYZ from 'ol/source/XYZ';
import CircleStyle from 'ol/style/Circle';
import Fill from 'ol/style/Fill';
import Stroke from 'ol/style/Stroke';
import Style from 'ol/style/Style';
import type { ScreenSummary } from '@wangge/shared';
import type { AreaFeatureCollection } from '../areas/api';

type Outline = 'street' | 'community' | 'grid';
type Report = ScreenSummary['latest'][number];

/** The 大屏's map: the area outlines (as the map page loads them, no internet tiles) and the latest reports. */
export interface ScreenMap {
  setOutlines(level: Outline, fc: AreaFeatureCollection): void;
  setBasemap(url: string | null): void;
  /** Replaces the report points (the list is bounded by the server); the newest are drawn larger. */
  setReports(reports: readonly Report[]): void;
  dispose(): void;
}

const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
const OUTLINE_STYLES: Record<Outline, Style> = {
  grid: new Style({
    fill: new Fill({ color: 'rgba(40, 110, 200, 0.08)' }),
    stroke: new Stroke({ color: 'rgba(90, 160, 255, 0.35)', width: 1 }),
  }),
  community: new Style({ stroke: new Stroke({ color: 'rgba(120, 190, 255, 0.6)', width: 1.5 }) }),
  street: new Style({ stroke: new Stroke({ color: '#5fd0ff', width: 2.5 }) }),
};
const CLOSED = new Set(['closed', 'rejected', 'voided', 'merged', 'dismissed']);
const point = (color: string, radius: number) =>
  new Style({
    image: new CircleStyle({
      radius,
      fill: new Fill({ color }),
      stroke: new Stroke({ color: 'rgba(255,255,255,0.85)', width: radius > 6 ? 2 : 1 }),
    }),
  });
// Styles are shared objects: a refresh replaces features, never creates styles.
const STYLES = {
  newest: point('#ffb020', 9),
  open: point('#ff6b4a', 5),
  closed: point('#37d39a', 5),
};
/** How many of the newest reports stand out. */
const NEWEST = 3;

export function createScreenMap(target: HTMLElement): ScreenMap {
  const sources: Record<Outline, VectorSource<Feature<Geometry>>> = {
    street: new VectorSource(),
    community: new VectorSource(),
    grid: new VectorSource(),
  };
  const reports = new VectorSource<Feature<Geometry>>();
  const layers = (['grid', 'community', 'street'] as const).map(
    (level, i) =>
      new VectorLayer({ source: sources[level], style: OUTLINE_STYLES[level], zIndex: 10 + i }),
  );
  const reportLayer = new VectorLayer({ source: reports, zIndex: 30 });
  let tiles: TileLayer<XYZ> | null = null;
  let fitted = false;
  const map = new OlMap({
    target,
    layers: [...layers, reportLayer],
    controls: [],
    view: new View({ center: fromLonLat([113.1, 34.05]), zoom: 11, maxZoom: 18 }),
  });

  return {
    setOutlines(level, fc) {
      sources[level].clear();
      sources[level].addFeatures(geojson.readFeatures(fc) as Feature<Geometry>[]);
      // Fit once, to the coarsest outline that has data (a community leader has no street outline).
      const extentOf = (['street', 'community', 'grid'] as const).find(
        (l) => sources[l].getFeatures().length > 0,
      );
      if (!fitted && extentOf && (level === extentOf || level === 'street')) {
        map.getView().fit(sources[extentOf].getExtent(), { padding: [40, 40, 40, 40] });
        fitted = level === 'street' || extentOf !== 'grid';
      }
    },
    setBasemap(url) {
      if (tiles) map.removeLayer(tiles);
      tiles = url ? new TileLayer({ source: new XYZ({ url }), zIndex: 0 }) : null;
      if (tiles) map.addLayer(tiles);
    },
    setReports(list) {
      reports.clear(true);
      reports.addFeatures(
        list.map((r, i) => {
          const f = new Feature(new Point(fromLonLat([r.lng, r.lat])));
          f.setStyle(
            i < NEWEST ? STYLES.newest : CLOSED.has(r.state) ? STYLES.closed : STYLES.open,
          );
          return f;
        }),
      );
      target.setAttribute('data-reports', String(list.length));
      target.setAttribute('data-newest', list[0]?.caseNo ?? '');
    },
    dispose() {
      map.setTarget(undefined);
      map.dispose();
      for (const s of [...Object.values(sources), reports]) s.dispose();
    },
  };
}
