import { useEffect, useRef, useState, type RefObject } from 'react';
import { createAreaMap, type AreaMap, type MapClick } from './area-map';

/** Creates the OpenLayers map on the container and keeps the click handler current. */
export function useAreaMap(
  containerRef: RefObject<HTMLDivElement | null>,
  onClick: (click: MapClick) => void,
): AreaMap | null {
  const [areaMap, setAreaMap] = useState<AreaMap | null>(null);
  const onClickRef = useRef(onClick);

  useEffect(() => {
    onClickRef.current = onClick;
  });

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const created = createAreaMap(el);
    created.onClick((click) => onClickRef.current(click));
    setAreaMap(created);
    return () => {
      created.dispose();
      el.removeAttribute('data-grids-loaded');
      el.removeAttribute('data-testid');
      setAreaMap(null);
    };
  }, [containerRef]);

  return areaMap;
}
