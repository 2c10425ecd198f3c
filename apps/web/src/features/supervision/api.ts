import { useQuery } from '@tanstack/react-query';
import type { SupervisionGroupBy } from '@wangge/shared';
import { api, type ApiResponse } from '../../lib/api-client';

export type SupervisionBoardData = ApiResponse<'/api/supervision/board'>;
export type SupervisionCaseData = SupervisionBoardData['groups'][number]['cases'][number];
export type MineItem = ApiResponse<'/api/supervision/mine'>['items'][number];

/** The board refreshes like the queues: a reply or a card shows within half a minute. */
const REFRESH_MS = 30_000;

export function useSupervisionBoard(groupBy: SupervisionGroupBy, areaCode: string | null) {
  return useQuery({
    queryKey: ['supervision', 'board', groupBy, areaCode ?? ''],
    queryFn: ({ signal }) =>
      api.get('/api/supervision/board', {
        params: { query: { groupBy, ...(areaCode ? { areaCode } : {}) } },
        signal,
      }),
    refetchInterval: REFRESH_MS,
  });
}

export function useMySupervision(enabled: boolean) {
  return useQuery({
    queryKey: ['supervision', 'mine'],
    queryFn: ({ signal }) => api.get('/api/supervision/mine', { signal }),
    refetchInterval: REFRESH_MS,
    enabled,
  });
}
