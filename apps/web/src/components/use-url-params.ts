import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list page's filters and page number, kept in the URL so "back" from a record returns to the same view and a view
 * can be shared as a link.
 *
 * Two changes made one after the other before the router re-renders (typing a start date, then an end date) must build
 * on each other: react-router's setter does not queue like useState's, and a render in between may carry the old URL
 * or an earlier one of our own writes. So the last params written stay the base until the URL shows exactly them, or
 * a URL we did not write (someone navigated).
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  const pending = useRef<URLSearchParams | null>(null);
  const written = useRef(new Set<string>());
  const now = params.toString();
  // After the commit, not during the render: until then the inputs still hold the handlers of the render before,
  // whose `params` lack our last write.
  useEffect(() => {
    if (pending.current && (pending.current.toString() === now || !written.current.has(now))) {
      pending.current = null;
      written.current.clear();
    }
  }, [now]);
  const base = () => pending.current ?? params;
  const replace = (next: URLSearchParams) => {
    pending.current = next;
    written.current.add(next.toString());
    setParams(next, { replace: true });
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  /** Sets the given params (null or '' removes one); any change but the page's own goes back to page 1. */
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(base());
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    replace(next);
  };
  return { params, setParams, page, set, base, replace };
}

/**
 * The same for a page whose filters are one typed value: `read` parses them from the URL and `write` puts them back
 * (without the page, so a new filter starts again at page 1).
 */
export function useUrlFilters<F>(
  read: (p: URLSearchParams) => F,
  write: (f: F) => URLSearchParams,
) {
  const { params, setParams, page, base, replace } = useUrlParams();
  const filters = read(params);
  return {
    params,
    filters,
    page,
    setFilters: (f: F) => replace(write(f)),
    /** Changes the filters from the latest ones written, even if the URL has not caught up yet. */
    updateFilters: (change: (latest: F) => F) => replace(write(change(read(base())))),
    goPage: (next: number) => {
      const p = write(filters);
      if (next > 1) p.set('page', String(next));
      setParams(p, { replace: true });
    },
  };
}
