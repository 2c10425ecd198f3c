import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  detail: unknown;
}

const PAGE = 100;

/** Newest first; each further page asks for entries older than the last one shown. */
export function useAuditLog() {
  return useInfiniteQuery({
    queryKey: ['audit'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get('/api/audit', { params: { query: { limit: PAGE, before: pageParam } }, signal }),
    getNextPageParam: (last) => (last.items.length < PAGE ? undefined : last.items[last.items.length - 1]?.id),
  });
}
