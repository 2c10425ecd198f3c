import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type ApiResponse } from '../../lib/api-client';

/** One entry of GET /api/audit. */
export type AuditEntry = ApiResponse<'/api/audit'>['items'][number];

const PAGE = 100;

/** Newest first; each further page asks for entries older than the last one shown. */
export function useAuditLog() {
  return useInfiniteQuery({
    queryKey: ['audit'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get('/api/audit', { params: { query: { limit: PAGE, before: pageParam } }, signal }),
    getNextPageParam: (last) =>
      last.items.length < PAGE ? undefined : last.items[last.items.length - 1]?.id,
  });
}
