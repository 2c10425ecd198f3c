import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssessmentScheme } from '@wangge/shared';
import { api, type ApiResponse } from '../../lib/api-client';

export type Publication = ApiResponse<'/api/indicators/publications'>['items'][number];
export type StoredScheme = ApiResponse<'/api/indicators/schemes'>['items'][number];

export const assessmentKeys = {
  publications: ['indicators', 'publications'] as const,
  schemes: ['indicators', 'schemes'] as const,
};

export function usePublications() {
  return useQuery({
    queryKey: assessmentKeys.publications,
    queryFn: ({ signal }) => api.get('/api/indicators/publications', { signal }),
  });
}

export function useSchemes() {
  return useQuery({
    queryKey: assessmentKeys.schemes,
    queryFn: ({ signal }) => api.get('/api/indicators/schemes', { signal }),
  });
}

/**
 * A publication or recompute changes what every figure of that period reads (the frozen copy): the list and all
 * indicator queries are refetched. Errors are shown beside the field, not as a toast (silent).
 */
export function usePublish() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { period: string; reason?: string }) =>
      v.reason === undefined
        ? api.post('/api/indicators/publications', { body: { period: v.period } })
        : api.post('/api/indicators/publications/recompute', {
            body: { period: v.period, reason: v.reason },
          }),
    meta: { silent: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['indicators'] }),
  });
}

export function useSaveScheme() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (scheme: AssessmentScheme) =>
      api.put('/api/indicators/schemes/{code}', {
        params: { path: { code: scheme.code } },
        // The generated body type spells arrays as fixed-length tuples; the shared type is the same shape.
        body: scheme as never,
      }),
    meta: { silent: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['indicators'] }),
  });
}
