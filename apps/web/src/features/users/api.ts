import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';

import { api } from '../../lib/api-client';

export function useUsers(params: { q: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: ['users', params],
    queryFn: ({ signal }) =>
      api.get('/api/users', {
        params: { query: { q: params.q.trim(), limit: params.limit, offset: params.offset } },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => api.get('/api/roles', { signal }),
    staleTime: 5 * 60_000,
    // Role names are a nicety here; codes are shown when they cannot be loaded.
    meta: { silent: true },
  });
}

/** Lifts a user's sign-in lock (users.manage; audited by the server). */
export function useUnlockUser() {
  return useMutation({
    mutationFn: (id: string) => api.post('/api/users/{id}/unlock', { params: { path: { id } } }),
  });
}
