import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AreaLevel, AreaNode, ImportAreasRequest } from '@wangge/shared';
import { api, apiClient, unwrapAccepting, type ApiResponse } from '../../lib/api-client';

/** GeoJSON as served by /api/areas/geojson (WGS84); OpenLayers parses the features. */
export type AreaFeatureCollection = ApiResponse<'/api/areas/geojson'>;

export type MapSettings = ApiResponse<'/api/settings/map'>;

export const areaKeys = {
  all: ['areas'] as const,
  tree: (parentCode: string | null) => ['areas', 'tree', parentCode ?? ''] as const,
  geojson: (level: AreaLevel) => ['areas', 'geojson', level] as const,
  detail: (id: string) => ['areas', 'detail', id] as const,
  counts: (id: string) => ['areas', 'counts', id] as const,
  search: (q: string) => ['areas', 'search', q] as const,
};

export function fetchAreaChildren(parentCode: string | null): Promise<{ items: AreaNode[] }> {
  return api.get('/api/areas/tree', {
    params: { query: parentCode ? { parentCode } : { level: 'district' } },
  });
}

/**
 * Roots of the tree: districts for a city-wide user. A user scoped below district level sees
 * no districts, so fall back to the whole list and keep the nodes whose parent is not in it.
 */
async function fetchTreeRoots(): Promise<{ items: AreaNode[] }> {
  const districts = await fetchAreaChildren(null);
  if (districts.items.length > 0) return districts;
  const all = await api.get('/api/areas/tree');
  const codes = new Set(all.items.map((a) => a.code));
  return { items: all.items.filter((a) => !a.parentCode || !codes.has(a.parentCode)) };
}

export function useAreaTreeRoots() {
  return useQuery({ queryKey: areaKeys.tree(null), queryFn: fetchTreeRoots });
}

export function useAreaGeoJson(level: AreaLevel, enabled = true) {
  return useQuery({
    queryKey: areaKeys.geojson(level),
    queryFn: ({ signal }) =>
      api.get('/api/areas/geojson', { params: { query: { level } }, signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** A colleague's full phone outside their grid: the reason is audited by the server; the answer is never cached. */
export function unmaskStaffPhone(
  areaId: string,
  assignmentId: string,
  reason: string,
): Promise<{ phone: string | null }> {
  return api.post('/api/areas/{id}/staff/{assignmentId}/unmask-phone', {
    params: { path: { id: areaId, assignmentId } },
    body: { reason },
  });
}

export function useAreaDetail(id: string | null) {
  return useQuery({
    queryKey: areaKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      api.get('/api/areas/{id}', { params: { path: { id: id ?? '' } }, signal }),
    enabled: id !== null,
  });
}

/** People, houses and open cases of an area (null where the user may not read that register). */
export function useAreaCounts(id: string | null) {
  return useQuery({
    queryKey: areaKeys.counts(id ?? ''),
    queryFn: ({ signal }) =>
      api.get('/api/areas/{id}/counts', { params: { path: { id: id ?? '' } }, signal }),
    enabled: id !== null,
  });
}

/** Fetches a search now (Enter or the search button), sharing the cache with the suggestions. */
export function useAreaSearchNow() {
  const client = useQueryClient();
  return (q: string) => {
    const text = q.trim();
    return client.fetchQuery({
      queryKey: areaKeys.search(text),
      queryFn: ({ signal }) =>
        api.get('/api/areas/search', { params: { query: { q: text, limit: 20 } }, signal }),
    });
  };
}

export function useAreaSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: areaKeys.search(text),
    queryFn: ({ signal }) =>
      api.get('/api/areas/search', { params: { query: { q: text, limit: 20 } }, signal }),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useLocate() {
  return useMutation({
    mutationFn: ([lng, lat]: [number, number]) =>
      api.get('/api/areas/locate', {
        params: { query: { lng: Number(lng.toFixed(7)), lat: Number(lat.toFixed(7)) } },
      }),
  });
}

export function useMapSettings() {
  return useQuery({
    queryKey: ['settings', 'map'],
    queryFn: () => api.get('/api/settings/map'),
    staleTime: Infinity,
    // No basemap is a fine answer; a failure here should not bother the user.
    meta: { silent: true },
  });
}

export function useImportAreas() {
  const client = useQueryClient();
  return useMutation({
    // 422 carries the report of an invalid file: it is an answer, not a failure.
    mutationFn: (body: ImportAreasRequest) =>
      unwrapAccepting(apiClient.POST('/api/areas/import', { body }), [422]),
    onSuccess: (report) => {
      if (report.committed) void client.invalidateQueries({ queryKey: areaKeys.all });
    },
  });
}
