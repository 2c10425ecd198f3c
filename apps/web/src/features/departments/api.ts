import { useQuery } from '@tanstack/react-query';

import { api } from '../../lib/api-client';

export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => api.get('/api/departments', { signal }),
  });
}
