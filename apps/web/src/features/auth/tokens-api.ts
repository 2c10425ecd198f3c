import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTokenRequest } from '@wangge/shared';
import { api } from '../../lib/api-client';

const tokensKey = ['auth', 'tokens'] as const;

export function useTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => api.get('/api/auth/tokens', { signal }),
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenRequest) => api.post('/api/auth/tokens', { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete('/api/auth/tokens/{id}', { params: { path: { id } } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: tokensKey }),
  });
}
