import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateOpen311KeyRequest, Open311Settings } from '@wangge/shared';
import { api } from '../../lib/api-client';

const keysKey = ['open311', 'keys'] as const;

export function useOpen311Keys() {
  return useQuery({
    queryKey: keysKey,
    queryFn: ({ signal }) => api.get('/api/open311/keys', { signal }),
  });
}

export function useIssueOpen311Key() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOpen311KeyRequest) => api.post('/api/open311/keys', { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: keysKey }),
  });
}

export function useRevokeOpen311Key() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post('/api/open311/keys/{id}/revoke', { params: { path: { id } } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: keysKey }),
  });
}

/** The services a key may be limited to: the public class list (the same as GET /open311/v2/services). */
export function useServiceOptions() {
  return useQuery({
    queryKey: ['open311', 'services'],
    queryFn: ({ signal }) => api.get('/api/public/categories', { signal }),
    staleTime: 5 * 60_000,
  });
}

const settingsKey = ['open311', 'settings'] as const;

export function useOpen311Settings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api.get('/api/open311/settings', { signal }),
  });
}

export function useSaveOpen311Settings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Open311Settings) => api.put('/api/open311/settings', { body }),
    onSuccess: (data) => client.setQueryData(settingsKey, data),
  });
}
