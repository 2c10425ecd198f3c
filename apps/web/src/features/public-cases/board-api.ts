import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ModerationDecision } from '@wangge/shared';
import { api } from '../../lib/api-client';
import { solvePow } from './pow/solve-pow';

/** Recent reports of an area on the public board (moderated parts only), without the staff session's cookie. */
export function usePublicBoard(areaCode: string | undefined) {
  return useQuery({
    queryKey: ['public', 'board', areaCode ?? ''],
    queryFn: ({ signal }) =>
      api.get('/api/public/board', {
        params: { query: areaCode ? { areaCode } : {} },
        signal,
        credentials: 'omit',
      }),
    staleTime: 30_000,
    meta: { silent: true },
  });
}

export function usePublicFigures() {
  return useQuery({
    queryKey: ['public', 'figures'],
    queryFn: ({ signal }) => api.get('/api/public/figures', { signal, credentials: 'omit' }),
    staleTime: 10 * 60_000,
    meta: { silent: true },
  });
}

/** Open reports of the same class near a point: offered as "+1" before a new report is sent. */
export function fetchDuplicates(q: { lng: number; lat: number; classCode: string }) {
  return api.get('/api/public/duplicates', { params: { query: q }, credentials: 'omit' });
}

/** "+1" with a solved challenge; the device cookie keeps it to one per report. */
export function usePublicSupport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      api.post('/api/public/board/{id}/support', {
        params: { path: { id } },
        body: { pow: await solvePow() },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['public', 'board'] }),
    meta: { silent: true },
  });
}

export const publicPhotoUrl = (id: string) => `/api/public/board/photos/${encodeURIComponent(id)}`;

// Staff: 公开内容审核.

export function useModerationQueue(pending: boolean) {
  return useQuery({
    queryKey: ['public-moderation', pending],
    queryFn: ({ signal }) =>
      api.get('/api/public-moderation', {
        params: { query: { pending: pending ? 'true' : 'false', limit: 50 } },
        signal,
      }),
  });
}

export function useModerate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; attachmentId?: string; body: ModerationDecision }) =>
      v.attachmentId
        ? api.post('/api/public-moderation/{id}/photos/{attachmentId}', {
            params: { path: { id: v.id, attachmentId: v.attachmentId } },
            body: v.body,
          })
        : api.post('/api/public-moderation/{id}/text', {
            params: { path: { id: v.id } },
            body: v.body,
          }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['public-moderation'] }),
  });
}
