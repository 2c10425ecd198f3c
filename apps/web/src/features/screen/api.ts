import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ScreenSummary } from '@wangge/shared';
import { api } from '../../lib/api-client';

/** Lights and "overdue by" move with the clock, and the day turns at midnight: read again at least this often. */
export const SCREEN_REFRESH_MS = 60_000;

export function useScreenSummary(areaCode: string | null) {
  return useQuery<ScreenSummary>({
    queryKey: ['screen', 'summary', areaCode ?? ''],
    queryFn: ({ signal }) =>
      api.get('/api/screen/summary', {
        params: { query: areaCode ? { areaCode } : {} },
        signal,
      }),
    refetchInterval: SCREEN_REFRESH_MS,
    // A screen keeps showing the last figures while it reads new ones (no flash to a spinner).
    placeholderData: keepPreviousData,
    // One copy only: nothing of an earlier area lingers in the cache of a page that runs for days.
    gcTime: 0,
  });
}

/** The live stream's URL for the same area. */
export function liveUrl(areaCode: string | null): string {
  return areaCode ? `/api/live/cases?areaCode=${encodeURIComponent(areaCode)}` : '/api/live/cases';
}
