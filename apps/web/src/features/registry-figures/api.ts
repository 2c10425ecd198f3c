import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FigureGroupBy, FigureVisitState, RegistryFiguresReport } from '@wangge/shared';
import { api, type ApiResponse } from '../../lib/api-client';

/** The shared schema's type: OpenAPI turns its records over closed lists into plain string maps. */
export type RegistryFiguresData = RegistryFiguresReport;
export type GridWorkerFiguresData = ApiResponse<'/api/figures/grid-workers'>;
export type FigureVisitsData = ApiResponse<'/api/figures/visits'>;

/** What a figures view is asked for: null area = the viewer's whole scope, null period = this month. */
export interface FiguresFilter {
  areaCode: string | null;
  period: string | null;
}

const query = (f: FiguresFilter) => ({
  ...(f.areaCode ? { areaCode: f.areaCode } : {}),
  ...(f.period ? { period: f.period } : {}),
});

export function useRegistryFigures(f: FiguresFilter, groupBy: FigureGroupBy) {
  return useQuery({
    queryKey: ['figures', 'registries', f.areaCode ?? '', f.period ?? '', groupBy],
    queryFn: async ({ signal }): Promise<RegistryFiguresData> =>
      (await api.get('/api/figures/registries', {
        params: { query: { ...query(f), groupBy } },
        signal,
      })) as RegistryFiguresData,
    placeholderData: keepPreviousData,
  });
}

export function useGridWorkerFigures(f: FiguresFilter, enabled = true) {
  return useQuery({
    queryKey: ['figures', 'grid-workers', f.areaCode ?? '', f.period ?? ''],
    queryFn: ({ signal }) =>
      api.get('/api/figures/grid-workers', { params: { query: query(f) }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The visit tasks behind a due/done/overdue figure (first 200: the drawer lists, the figure counts). */
export function useFigureVisits(
  f: FiguresFilter,
  state: FigureVisitState | null,
  assigneeId: string | null,
) {
  return useQuery({
    queryKey: ['figures', 'visits', f.areaCode ?? '', f.period ?? '', state, assigneeId ?? ''],
    queryFn: ({ signal }) =>
      api.get('/api/figures/visits', {
        params: {
          query: {
            ...query(f),
            state: state ?? 'due',
            ...(assigneeId ? { assigneeId } : {}),
            limit: 200,
          },
        },
        signal,
      }),
    enabled: state !== null,
  });
}

/** The sheet download is a plain link: the browser sends the session cookie and saves the file. */
export function figuresXlsxUrl(f: FiguresFilter, groupBy: FigureGroupBy): string {
  const q = new URLSearchParams({ ...query(f), groupBy });
  return `/api/figures/registries.xlsx?${q.toString()}`;
}
