import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { IndicatorId } from '@wangge/shared';
import { api, type ApiResponse } from '../../lib/api-client';

export type FiguresData = ApiResponse<'/api/indicators'>;
export type FigureRow = FiguresData['rows'][number];
export type DrillData = ApiResponse<'/api/indicators/drill'>;
export type DashboardGroupBy = 'none' | 'street' | 'community' | 'grid' | 'department';

/** What the dashboard shows: null area = the viewer's whole scope. */
export interface DashboardFilter {
  areaCode: string | null;
  period: string;
}

const base = (f: DashboardFilter) => ({
  object: 'area' as const,
  period: f.period,
  ...(f.areaCode ? { areaCode: f.areaCode } : {}),
});

/** The area's figures for the period, one row per group, with 环比 and 同比 when compare is set. */
export function useIndicatorFigures(
  f: DashboardFilter,
  groupBy: DashboardGroupBy | null,
  ids: readonly IndicatorId[],
  compare = false,
) {
  return useQuery({
    queryKey: ['indicators', f.areaCode ?? '', f.period, groupBy, ids.join(','), compare],
    queryFn: ({ signal }) =>
      api.get('/api/indicators', {
        params: {
          query: {
            ...base(f),
            groupBy: groupBy ?? 'none',
            ids: ids.join(','),
            compare: compare ? '1' : '0',
          },
        },
        signal,
      }) as Promise<FiguresData>,
    placeholderData: keepPreviousData,
    enabled: groupBy !== null,
  });
}

export interface DrillTarget {
  id: IndicatorId;
  part: 'cohort' | 'numerator';
}

/** A page of the cases behind a figure; `total` equals the figure. */
export function useIndicatorDrill(
  f: DashboardFilter,
  target: DrillTarget | null,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: ['indicators', 'drill', f.areaCode ?? '', f.period, target?.id, target?.part, page],
    queryFn: ({ signal }) =>
      api.get('/api/indicators/drill', {
        params: {
          query: {
            ...base(f),
            id: target!.id,
            part: target!.part,
            offset: (page - 1) * pageSize,
            limit: pageSize,
          },
        },
        signal,
      }),
    enabled: target !== null,
    // While the next page loads the current one stays; another figure's list never stands in for this one.
    placeholderData: (prev, prevQuery) =>
      prevQuery?.queryKey[4] === target?.id && prevQuery?.queryKey[5] === target?.part
        ? keepPreviousData(prev)
        : undefined,
  });
}

export type CaseMapData = ApiResponse<'/api/cases/map-points'>;

/** The dashboard map's open cases (points, bounded by the server) and open counts per grid. */
export function useCaseMapPoints(areaCode: string | null) {
  return useQuery({
    queryKey: ['cases', 'map-points', areaCode ?? ''],
    queryFn: ({ signal }) =>
      api.get('/api/cases/map-points', {
        params: { query: areaCode ? { areaCode } : {} },
        signal,
      }) as Promise<CaseMapData>,
    placeholderData: keepPreviousData,
  });
}

/** The server's sheet of the same figures a chart draws (GET /api/indicators.xlsx takes the JSON route's query). */
export function indicatorsXlsxUrl(
  f: DashboardFilter,
  groupBy: DashboardGroupBy,
  ids: readonly IndicatorId[],
): string {
  const q = new URLSearchParams({ ...base(f), groupBy, ids: ids.join(',') });
  return `/api/indicators.xlsx?${q.toString()}`;
}
