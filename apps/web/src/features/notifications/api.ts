import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../lib/api-client';

const keys = {
  all: ['notifications'] as const,
  count: ['notifications', 'count'] as const,
  list: ['notifications', 'list'] as const,
};

/** How often the unread badge refreshes while the app is open. */
const BADGE_REFRESH_MS = 60_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: keys.count,
    queryFn: ({ signal }) => api.get('/api/notifications/unread-count', { signal }),
    refetchInterval: BADGE_REFRESH_MS,
    meta: { silent: true },
  });
}

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: keys.list,
    queryFn: ({ signal }) =>
      api.get('/api/notifications', { params: { query: { limit: 50 } }, signal }),
    enabled,
    staleTime: 0,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post('/api/notifications/{id}/read', { params: { path: { id } } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/notifications/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}
