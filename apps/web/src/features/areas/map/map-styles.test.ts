import { describe, expect, it } from 'vitest';
import Feature from 'ol/Feature';
import { fromExtent } from 'ol/geom/Polygon';
import type Style from 'ol/style/Style';
import { communityStyleFn, gridStyleFn, HIGHLIGHTED, highlightStyleFn } from './map-styles';

// Issue 11 #8: the highlighted grid's label was drawn by the grid layer and again by the highlight layer, a pixel
// apart. Now the highlight layer alone labels the feature it highlights.
const grid = () =>
  new Feature({
    geometry: fromExtent([0, 0, 700, 700]),
    name: '西社区第1网格',
    code: '41019900100101',
    level: 'grid',
  });
const textOf = (style: Style | Style[] | void) => {
  const s = Array.isArray(style) ? style[0] : style;
  return s?.getText()?.getText() ?? null;
};

describe('map labels', () => {
  it('labels a grid once: by the grid layer, or by the highlight layer when highlighted', () => {
    const f = grid();
    expect(textOf(gridStyleFn(f, 2))).toBe('西社区第1网格\n41019900100101');
    f.set(HIGHLIGHTED, true);
    expect(textOf(gridStyleFn(f, 2))).toBeNull();
    expect(textOf(highlightStyleFn(f.clone(), 2))).toBe('西社区第1网格\n41019900100101');
    expect(textOf(highlightStyleFn(f.clone(), 5))).toBe('西社区第1网格');
  });

  it('does the same for a highlighted community', () => {
    const f = new Feature({
      geometry: fromExtent([0, 0, 1, 1]),
      name: '西社区',
      level: 'community',
    });
    expect(textOf(communityStyleFn(f, 8))).toBe('西社区');
    f.set(HIGHLIGHTED, true);
    expect(textOf(communityStyleFn(f, 8))).toBeNull();
  });
});
