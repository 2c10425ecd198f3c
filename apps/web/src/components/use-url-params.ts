import { useSearchParams } from 'react-router';

/**
 * A list page's filters and page number, kept in the URL so "back" from a record returns to the same view and a view
 * can be shared as a link.
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  /** Sets the given params (null or '' removes one); any change but the page's own goes back to page 1. */
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  return { params, setParams, page, set };
}

/**
 * The same for a page whose filters are one typed value: `read` parses them from the URL and `write` puts them back
 * (without the page, so a new filter starts again at page 1).
 */
export function useUrlFilters<F>(
  read: (p: URLSearchParams) => F,
  write: (f: F) => URLSearchParams,
) {
  const { params, setParams, page } = useUrlParams();
  const filters = read(params);
  return {
    params,
    filters,
    page,
    setFilters: (f: F) => setParams(write(f), { replace: true }),
    goPage: (next: number) => {
      const p = write(filters);
      if (next > 1) p.set('page', String(next));
      setParams(p, { replace: true });
    },
  };
}
