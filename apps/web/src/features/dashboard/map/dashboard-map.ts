import OlMap from 'ol/Map';
import View from 'ol/View';
import Feature, { type FeatureLike } from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import type { Geometry } from 'ol/geom';
import Point from 'ol/geom/Point';
import HeatmapLayer from 'ol/layer/Heatmap';
import TileLayer from 'ol/layer/Tile';
import VectorLayer from 'ol/layer/Vector';
import { fromLonLat } from 'ol/proj';
import Cluster from 'ol/source/Cluster';
import VectorSource from 'ol/source/Vector';
import XYZ from 'ol/source/XYZ';
import CircleStyle from 'ol/style/Circle';
import Fill from 'ol/style/Fill';
import Stroke from 'ol/style/Stroke';
import Style from 'ol/style/Style';
import Text from 'ol/style/Text';
import type { AreaFeatureCollection } from '../../areas/api';
import type { CaseMapData } from '../api';

export type MapLayerMode = 'cluster' | 'grid' | 'heat';

/** The dashboard's map of open cases: clustered points, grids shaded by open count, or a heat layer. */
export interface DashboardMap {
  setGrids(fc: AreaFeatureCollection): void;
  setCases(data: CaseMapData): void;
  setBasemap(url: string | null): void;
  setMode(mode: MapLayerMode): void;
  dispose(): void;
}

const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
const LIGHT_COLOR = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' } as const;
const OUTLINE = new Stroke({ color: 'rgba(22, 119, 255, 0.45)', width: 1 });
const PLAIN_GRID = new Style({ stroke: OUTLINE, fill: new Fill({ color: 'rgba(0,0,0,0)' }) });

/** Five classes of open count, light to dark, relative to the largest grid's count (which gets the darkest). */
const SHADES = ['#fff1f0', '#ffccc7', '#ff9c6e', '#ff7a45', '#d4380d'];
const gridStyles = SHADES.map(
  (c) => new Style({ stroke: OUTLINE, fill: new Fill({ color: `${c}cc` }) }),
);

// Cluster styles by size and the worst light inside; cached so a redraw makes no new styles.
const clusterStyles = new Map<string, Style>();
function clusterStyle(size: number, light: keyof typeof LIGHT_COLOR | 'none'): Style {
  const key = `${size}|${light}`;
  let s = clusterStyles.get(key);
  if (!s) {
    const color = light === 'none' ? '#8c8c8c' : LIGHT_COLOR[light];
    s = new Style({
      image: new CircleStyle({
        radius: size === 1 ? 5 : Math.min(22, 9 + Math.log2(size) * 2.5),
        fill: new Fill({ color }),
        stroke: new Stroke({ color: '#fff', width: size === 1 ? 1 : 2 }),
      }),
      text:
        size > 1
          ? new Text({
              text: String(size),
              fill: new Fill({ color: '#fff' }),
              font: '12px sans-serif',
            })
          : undefined,
    });
    clusterStyles.set(key, s);
  }
  return s;
}
const RANK = { none: 0, green: 1, yellow: 2, red: 3 } as const;

export function createDashboardMap(target: HTMLElement): DashboardMap {
  const grids = new VectorSource<Feature<Geometry>>();
  const points = new VectorSource<Feature<Point>>();
  const openByGrid = new Map<string, number>();
  let most = 1;
  const gridLayer = new VectorLayer({
    source: grids,
    zIndex: 10,
    style: (f: FeatureLike) => {
      if (mode !== 'grid') return PLAIN_GRID;
      const n = openByGrid.get(String(f.get('code'))) ?? 0;
      return n === 0
        ? PLAIN_GRID
        : gridStyles[Math.min(4, Math.max(0, Math.ceil((n / most) * 5) - 1))]!;
    },
  });
  const clusterLayer = new VectorLayer({
    source: new Cluster({ source: points, distance: 36, minDistance: 8 }),
    zIndex: 30,
    style: (f: FeatureLike) => {
      const members = (f.get('features') as Feature[] | undefined) ?? [];
      const worst = members.reduce<keyof typeof RANK>((w, m) => {
        const l = (m.get('light') as keyof typeof RANK | null) ?? 'none';
        return RANK[l] > RANK[w] ? l : w;
      }, 'none');
      return clusterStyle(members.length, worst);
    },
  });
  const heatLayer = new HeatmapLayer({ source: points, blur: 18, radius: 10, zIndex: 20 });
  let mode: MapLayerMode = 'cluster';
  let tiles: TileLayer<XYZ> | null = null;
  let fitted = false;
  const map = new OlMap({
    target,
    layers: [gridLayer, heatLayer, clusterLayer],
    view: new View({ center: fromLonLat([113.1, 34.05]), zoom: 11, maxZoom: 18 }),
  });
  const apply = () => {
    clusterLayer.setVisible(mode === 'cluster');
    heatLayer.setVisible(mode === 'heat');
    gridLayer.changed();
    target.setAttribute('data-mode', mode);
  };
  const fit = () => {
    if (fitted) return;
    const source = grids.getFeatures().length ? grids : points.getFeatures().length ? points : null;
    if (!source) return;
    map.getView().fit(source.getExtent(), { padding: [24, 24, 24, 24], maxZoom: 16 });
    fitted = true;
  };
  apply();

  return {
    setGrids(fc) {
      grids.clear(true);
      grids.addFeatures(geojson.readFeatures(fc) as Feature<Geometry>[]);
      fitted = false; // another area picked: show its grids
      fit();
    },
    setCases(data) {
      openByGrid.clear();
      for (const g of data.grids) openByGrid.set(g.gridCode, g.open);
      most = Math.max(1, ...data.grids.map((g) => g.open));
      points.clear(true);
      points.addFeatures(
        data.points.map((p) => {
          const f = new Feature(new Point(fromLonLat([p.lng, p.lat])));
          f.set('light', p.light);
          f.set('caseNo', p.caseNo);
          return f;
        }),
      );
      gridLayer.changed();
      target.setAttribute('data-points', String(data.points.length));
      target.setAttribute('data-grids', String(data.grids.length));
      fit();
    },
    setBasemap(url) {
      if (tiles) map.removeLayer(tiles);
      tiles = url ? new TileLayer({ source: new XYZ({ url }), zIndex: 0 }) : null;
      if (tiles) map.addLayer(tiles);
    },
    setMode(next) {
      mode = next;
      apply();
    },
    dispose() {
      map.setTarget(undefined);
      map.dispose();
      grids.dispose();
      points.dispose();
    },
  };
}
