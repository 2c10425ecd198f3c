import { useQuery } from '@tanstack/react-query';
import type { Department } from '@wangge/shared';
import { untypedApi as api } from '../../lib/api-client';

export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => api.get<{ items: Department[] }>('/api/departments', undefined, signal),
  });
}
