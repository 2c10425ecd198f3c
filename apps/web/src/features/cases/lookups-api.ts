import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { FIELD_ROLES, type Category, type User } from '@wangge/shared';
import { api } from '../../lib/api-client';

/** 事项 and 综治事件: the kinds a case is classified by. */
async function fetchCaseCategories(signal: AbortSignal): Promise<Category[]> {
  const [matter, governance] = await Promise.all(
    (['matter', 'governance'] as const).map((kind) =>
      api.get('/api/categories', { params: { query: { kind, view: 'flat' } }, signal }),
    ),
  );
  return [...(matter?.items ?? []), ...(governance?.items ?? [])];
}

export function useCaseCategories() {
  return useQuery({
    queryKey: ['categories', 'case-kinds'],
    queryFn: ({ signal }) => fetchCaseCategories(signal),
    staleTime: 10 * 60_000,
  });
}

/** code → name of every case category (for tables and headers). */
export function useCategoryNames(): Map<string, string> {
  const { data } = useCaseCategories();
  return useMemo(() => new Map((data ?? []).map((c) => [c.code, c.name])), [data]);
}

export function useConditions(classCode: string | null | undefined) {
  return useQuery({
    queryKey: ['categories', 'conditions', classCode ?? ''],
    queryFn: ({ signal }) =>
      api.get('/api/categories/{code}/conditions', {
        params: { path: { code: classCode ?? '' } },
        signal,
      }),
    enabled: Boolean(classCode),
    staleTime: 5 * 60_000,
  });
}

export function useCondition(id: string | null) {
  return useQuery({
    queryKey: ['registration-conditions', id ?? ''],
    queryFn: ({ signal }) =>
      api.get('/api/registration-conditions/{id}', { params: { path: { id: id ?? '' } }, signal }),
    enabled: id !== null,
    staleTime: 10 * 60_000,
    meta: { silent: true },
  });
}

export function useDispatchSuggestion(
  classCode: string | null,
  gridCode: string,
  componentId: string | null = null,
) {
  return useQuery({
    queryKey: ['dispatch-suggest', classCode ?? '', gridCode, componentId ?? ''],
    queryFn: ({ signal }) =>
      api.get('/api/dispatch-rules/suggest', {
        params: {
          query: { classCode: classCode ?? '', gridCode, ...(componentId ? { componentId } : {}) },
        },
        signal,
      }),
    // A case bound to a 部件 is suggested its 养护单位 even without a class.
    enabled: Boolean(classCode || componentId),
    meta: { silent: true },
  });
}

/** The grid (and its path) containing a point; used to name a case's grid and to preview a report. */
export function useLocatePoint(lngLat: readonly [number, number] | null) {
  return useQuery({
    queryKey: ['areas', 'locate', lngLat?.[0].toFixed(7) ?? '', lngLat?.[1].toFixed(7) ?? ''],
    queryFn: ({ signal }) =>
      api.get('/api/areas/locate', {
        params: {
          query: { lng: Number(lngLat?.[0].toFixed(7)), lat: Number(lngLat?.[1].toFixed(7)) },
        },
        signal,
      }),
    enabled: lngLat !== null,
    staleTime: 5 * 60_000,
    meta: { silent: true },
  });
}

const FIELD_ROLE_SET = new Set<string>(FIELD_ROLES);
const USER_PAGE = 200;
const MAX_USER_PAGES = 5;

/** Every user matching the query, page by page (a street easily has more than one page of grid staff). */
async function fetchAllUsers(
  query: { q?: string; areaCode?: string },
  signal: AbortSignal,
): Promise<User[]> {
  const users: User[] = [];
  for (let page = 0; page < MAX_USER_PAGES; page += 1) {
    const { items, total } = await api.get('/api/users', {
      params: { query: { ...query, limit: USER_PAGE, offset: page * USER_PAGE } },
      signal,
    });
    users.push(...items);
    if (users.length >= total || items.length < USER_PAGE) break;
  }
  return users;
}

/**
 * 监督员 / 网格员 who may take a 核实 or 核查 on a case: a field role and a scope covering the grid.
 * Users of the case's street are listed; a typed search also reaches users assigned higher up.
 */
export function useFieldUsers(place: { gridCode: string; streetCode: string }, q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['users', 'field', place.gridCode, text],
    queryFn: async ({ signal }) => {
      const users = await fetchAllUsers(
        text ? { q: text } : { areaCode: place.streetCode },
        signal,
      );
      return users.filter(
        (u) =>
          u.status === 'active' &&
          u.roles.some((r) => FIELD_ROLE_SET.has(r)) &&
          u.areaCodes.some((code) => place.gridCode.startsWith(code)),
      );
    },
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Every area in the user's scope (no geometry): names for codes and the area filter. */
export function useAreaIndex() {
  return useQuery({
    queryKey: ['areas', 'index'],
    queryFn: ({ signal }) => api.get('/api/areas/tree', { signal }),
    staleTime: 10 * 60_000,
    meta: { silent: true },
  });
}

export function useAreaNames(): Map<string, string> {
  const { data } = useAreaIndex();
  return useMemo(() => new Map((data?.items ?? []).map((a) => [a.code, a.name])), [data]);
}
