import type { FeatureLike } from 'ol/Feature';
import CircleStyle from 'ol/style/Circle';
import Fill from 'ol/style/Fill';
import Stroke from 'ol/style/Stroke';
import Style, { type StyleFunction } from 'ol/style/Style';
import Text from 'ol/style/Text';

/*
 * Resolutions are EPSG:3857 metres per pixel. A demo grid is ~700 map units across, so grid
 * names appear once a grid is ~100 px wide and codes once it is ~250 px wide. Labels that do
 * not fit inside their polygon are dropped (overflow: false) and the rest are decluttered.
 */
const GRID_NAME_MAX_RES = 7;
const GRID_CODE_MAX_RES = 2.8;
const COMMUNITY_LABEL_RES: [number, number] = [4, 16];
const STREET_LABEL_RES: [number, number] = [9, 60];

const haloStroke = new Stroke({ color: 'rgba(255,255,255,0.9)', width: 3 });

function label(
  text: string,
  opts: { size: number; color: string; bold?: boolean; overflow?: boolean },
): Text {
  return new Text({
    text,
    font: `${opts.bold ? '600 ' : ''}${opts.size}px -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif`,
    fill: new Fill({ color: opts.color }),
    stroke: haloStroke,
    overflow: opts.overflow ?? false,
    textAlign: 'center',
    textBaseline: 'middle',
  });
}

function nameOf(feature: FeatureLike): string {
  const name: unknown = feature.get('name');
  return typeof name === 'string' ? name : '';
}

function codeOf(feature: FeatureLike): string {
  const code: unknown = feature.get('code');
  return typeof code === 'string' ? code : '';
}

/** A feature the highlight layer draws again on top, label included (set by area-map.ts on the layer's own one). */
export const HIGHLIGHTED = 'highlighted';

const districtStyle = new Style({ stroke: new Stroke({ color: '#1d2b4f', width: 3.5 }) });
export const districtStyleFn: StyleFunction = () => districtStyle;

const streetStroke = new Stroke({ color: '#35538c', width: 2.2 });
const streetStyle = new Style({ stroke: streetStroke });
export const streetStyleFn: StyleFunction = (feature, resolution) => {
  if (resolution < STREET_LABEL_RES[0] || resolution > STREET_LABEL_RES[1]) return streetStyle;
  if (feature.get(HIGHLIGHTED)) return streetStyle;
  return new Style({
    stroke: streetStroke,
    text: label(nameOf(feature), { size: 14, color: '#1d2b4f', bold: true }),
  });
};

const communityStroke = new Stroke({ color: '#5b7db8', width: 1.3, lineDash: [6, 4] });
const communityStyle = new Style({ stroke: communityStroke });
export const communityStyleFn: StyleFunction = (feature, resolution) => {
  if (resolution < COMMUNITY_LABEL_RES[0] || resolution > COMMUNITY_LABEL_RES[1])
    return communityStyle;
  if (feature.get(HIGHLIGHTED)) return communityStyle;
  return new Style({
    stroke: communityStroke,
    text: label(nameOf(feature), { size: 13, color: '#2c4a7c', bold: true }),
  });
};

// The light fill matters: it makes the whole grid clickable (hit detection uses the fill).
const gridFill = new Fill({ color: 'rgba(22,119,255,0.07)' });
const gridStroke = new Stroke({ color: 'rgba(22,119,255,0.55)', width: 1 });
const gridStyle = new Style({ fill: gridFill, stroke: gridStroke });

function gridText(feature: FeatureLike, resolution: number): string {
  return resolution <= GRID_CODE_MAX_RES
    ? `${nameOf(feature)}\n${codeOf(feature)}`
    : nameOf(feature);
}

export const gridStyleFn: StyleFunction = (feature, resolution) => {
  // The highlighted grid's label is the highlight layer's: drawn by both, it showed twice, a pixel apart.
  if (resolution > GRID_NAME_MAX_RES || feature.get(HIGHLIGHTED)) return gridStyle;
  return new Style({
    fill: gridFill,
    stroke: gridStroke,
    text: label(gridText(feature, resolution), { size: 12, color: '#0b3d91' }),
  });
};

const highlightFill = new Fill({ color: 'rgba(250,140,22,0.22)' });
// A selected street or community must not hide the grid labels inside it.
const highlightFillLarge = new Fill({ color: 'rgba(250,140,22,0.06)' });
const highlightStroke = new Stroke({ color: '#fa8c16', width: 3 });
export const highlightStyleFn: StyleFunction = (feature, resolution) => {
  const grid = feature.get('level') === 'grid';
  return new Style({
    fill: grid ? highlightFill : highlightFillLarge,
    stroke: highlightStroke,
    text: label(grid ? gridText(feature, resolution) : nameOf(feature), {
      size: 13,
      color: '#ad4e00',
      bold: true,
      overflow: true,
    }),
  });
};

export const markerStyle = new Style({
  image: new CircleStyle({
    radius: 7,
    fill: new Fill({ color: '#f5222d' }),
    stroke: new Stroke({ color: '#fff', width: 2.5 }),
  }),
});
