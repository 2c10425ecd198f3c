import OlMap from 'ol/Map';
import View from 'ol/View';
import Feature from 'ol/Feature';
import { defaults as defaultControls } from 'ol/control/defaults';
import ScaleLine from 'ol/control/ScaleLine';
import { createEmpty, extend, isEmpty, type Extent } from 'ol/extent';
import GeoJSON from 'ol/format/GeoJSON';
import type { Geometry } from 'ol/geom';
import Point from 'ol/geom/Point';
import TileLayer from 'ol/layer/Tile';
import VectorLayer from 'ol/layer/Vector';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import XYZ from 'ol/source/XYZ';
import type { AreaLevel } from '@wangge/shared';
import type { AreaFeatureCollection } from '../api';
import {
  communityStyleFn,
  districtStyleFn,
  gridStyleFn,
  HIGHLIGHTED,
  highlightStyleFn,
  markerStyle,
  streetStyleFn,
} from './map-styles';

export type LngLat = [number, number];

export interface MapClick {
  lngLat: LngLat;
  /** The grid under the pointer, if any. */
  gridId: string | null;
}

/** Imperative wrapper around the OpenLayers map; the React page drives it. */
/** Screen space covered by panels, kept clear when zooming to an area. */
export interface MapInsets {
  right: number;
  bottom: number;
}

export interface AreaMap {
  setInsets(insets: MapInsets): void;
  setLevelData(level: AreaLevel, fc: AreaFeatureCollection): number;
  setBasemap(url: string | null): void;
  setHighlight(id: string | null): void;
  setMarker(lngLat: LngLat | null): void;
  hasFeature(id: string): boolean;
  fitToFeature(id: string): boolean;
  fitToLngLatBbox(bbox: [number, number, number, number]): void;
  fitToData(): boolean;
  centerOn(lngLat: LngLat, zoom?: number): void;
  onClick(handler: (click: MapClick) => void): void;
  whenRendered(callback: () => void): void;
  dispose(): void;
}

// Server data is WGS84 lng/lat; the map draws in Web Mercator.
const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
const LEVELS: AreaLevel[] = ['district', 'street', 'community', 'grid'];
const FIT_PADDING = { top: 72, right: 24, bottom: 24, left: 24 };
const DECLUTTER_GROUP = 'area-labels';

export function createAreaMap(target: HTMLElement): AreaMap {
  const sources: Record<AreaLevel, VectorSource<Feature<Geometry>>> = {
    district: new VectorSource(),
    street: new VectorSource(),
    community: new VectorSource(),
    grid: new VectorSource(),
  };
  const gridLayer = new VectorLayer({
    source: sources.grid,
    style: gridStyleFn,
    declutter: DECLUTTER_GROUP,
    zIndex: 10,
  });
  // Outlines are drawn over the grid fills, coarsest level on top.
  const outlineLayers = [
    new VectorLayer({
      source: sources.community,
      style: communityStyleFn,
      declutter: DECLUTTER_GROUP,
      zIndex: 11,
    }),
    new VectorLayer({
      source: sources.street,
      style: streetStyleFn,
      declutter: DECLUTTER_GROUP,
      zIndex: 12,
    }),
    new VectorLayer({ source: sources.district, style: districtStyleFn, zIndex: 13 }),
  ];
  const highlightSource = new VectorSource<Feature<Geometry>>();
  const markerSource = new VectorSource<Feature<Geometry>>();
  const highlightLayer = new VectorLayer({
    source: highlightSource,
    style: highlightStyleFn,
    zIndex: 20,
  });
  const markerLayer = new VectorLayer({ source: markerSource, style: markerStyle, zIndex: 21 });
  let tileLayer: TileLayer<XYZ> | null = null;
  let highlightId: string | null = null;
  let insets: MapInsets = { right: 0, bottom: 0 };

  const map = new OlMap({
    target,
    layers: [gridLayer, ...outlineLayers, highlightLayer, markerLayer],
    controls: defaultControls({ rotate: false, attribution: false }).extend([new ScaleLine()]),
    view: new View({ center: fromLonLat([108.9, 34.3]), zoom: 4, maxZoom: 20 }),
  });
  map.once('postrender', () => target.setAttribute('data-testid', 'map'));

  const findFeature = (id: string): Feature<Geometry> | null => {
    for (const level of LEVELS) {
      const feature = sources[level].getFeatureById(id);
      if (feature) return feature;
    }
    return null;
  };

  let marked: Feature<Geometry> | null = null;
  const applyHighlight = () => {
    highlightSource.clear();
    const feature = highlightId ? findFeature(highlightId) : null;
    // The layer below leaves its label to the highlight (one label, not two drawn over each other).
    if (marked !== feature) {
      marked?.set(HIGHLIGHTED, false);
      feature?.set(HIGHLIGHTED, true);
      marked = feature;
    }
    if (feature) highlightSource.addFeature(feature.clone());
  };

  const fitExtent = (extent: Extent) => {
    if (isEmpty(extent)) return;
    const p = FIT_PADDING;
    map.getView().fit(extent, {
      padding: [p.top, p.right + insets.right, p.bottom + insets.bottom, p.left],
      maxZoom: 17,
    });
  };

  const gridAtPixel = (pixel: number[]): string | null => {
    const hit = map.forEachFeatureAtPixel(pixel, (f) => f, {
      layerFilter: (layer) => layer === gridLayer,
    });
    const id = hit?.getId();
    return id === undefined ? null : String(id);
  };

  map.on('pointermove', (evt) => {
    if (evt.dragging) return;
    const hit = map.hasFeatureAtPixel(evt.pixel, { layerFilter: (layer) => layer === gridLayer });
    target.style.cursor = hit ? 'pointer' : '';
  });

  return {
    setInsets(next) {
      insets = next;
    },

    setLevelData(level, fc) {
      const source = sources[level];
      source.clear();
      source.addFeatures(geojson.readFeatures(fc) as Feature<Geometry>[]);
      applyHighlight();
      return source.getFeatures().length;
    },

    setBasemap(url) {
      if (tileLayer) {
        map.removeLayer(tileLayer);
        tileLayer = null;
      }
      if (!url) return;
      // WMTS endpoints are configured as XYZ-style {z}/{x}/{y} templates for now.
      tileLayer = new TileLayer({ source: new XYZ({ url, crossOrigin: 'anonymous' }), zIndex: 0 });
      map.addLayer(tileLayer);
    },

    setHighlight(id) {
      highlightId = id;
      applyHighlight();
    },

    setMarker(lngLat) {
      markerSource.clear();
      if (lngLat) markerSource.addFeature(new Feature(new Point(fromLonLat(lngLat))));
    },

    hasFeature: (id) => findFeature(id) !== null,

    fitToFeature(id) {
      const extent = findFeature(id)?.getGeometry()?.getExtent();
      if (!extent) return false;
      fitExtent(extent);
      return true;
    },

    fitToLngLatBbox(bbox) {
      fitExtent(transformExtent(bbox, 'EPSG:4326', 'EPSG:3857'));
    },

    fitToData() {
      // The coarsest level that has data covers everything below it.
      for (const level of LEVELS) {
        if (sources[level].getFeatures().length === 0) continue;
        const extent = extend(createEmpty(), sources[level].getExtent());
        fitExtent(extent);
        return true;
      }
      return false;
    },

    centerOn(lngLat, zoom) {
      const view = map.getView();
      view.animate({
        center: fromLonLat(lngLat),
        zoom: Math.max(view.getZoom() ?? 0, zoom ?? 15),
        duration: 300,
      });
    },

    onClick(handler) {
      map.on('click', (evt) => {
        const [lng, lat] = toLonLat(evt.coordinate);
        handler({ lngLat: [lng ?? 0, lat ?? 0], gridId: gridAtPixel(evt.pixel) });
      });
    },

    whenRendered(callback) {
      map.once('rendercomplete', callback);
      map.render();
    },

    dispose() {
      map.setTarget(undefined);
      map.dispose();
    },
  };
}
