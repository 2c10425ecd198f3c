import { useCallback, useSyncExternalStore } from 'react';

/** True while the media query matches; correct on the first render (unlike Grid.useBreakpoint). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const mql = window.matchMedia(query);
      mql.addEventListener('change', onChange);
      return () => mql.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Phones and small tablets: the menu becomes a drawer and panels become bottom sheets. */
export function useIsMobile(): boolean {
  return useMediaQuery('(max-width: 767px)');
}
