import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, apiErrorFrom, type ApiQuery, type ApiResponse } from '../../lib/api-client';

/** One entry of GET /api/audit. */
export type AuditEntry = ApiResponse<'/api/audit'>['items'][number];

/** The filters of the page, the export and the embedded list, as the URL and the API spell them. */
export interface AuditFilters {
  action?: string[];
  actorId?: string;
  targetType?: string;
  targetId?: string;
  areaCode?: string;
  from?: string;
  to?: string;
  /** "显示登录记录": off by default on the page. */
  showLogins?: boolean;
}

type ListQuery = ApiQuery<'/api/audit'>;

function toQuery(f: AuditFilters): Omit<ListQuery, 'limit'> {
  return {
    ...(f.action?.length ? { action: f.action.join(',') } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.targetType ? { targetType: f.targetType } : {}),
    ...(f.targetId ? { targetId: f.targetId } : {}),
    ...(f.areaCode ? { areaCode: f.areaCode } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    hideLogins: f.showLogins ? 'false' : 'true',
  };
}

export const auditKeys = {
  all: ['audit'] as const,
  page: (f: AuditFilters, page: number, size: number) => ['audit', 'page', f, page, size] as const,
  actors: ['audit', 'actors'] as const,
};

/** One page of the entries the viewer may see, newest first, with the total. */
export function useAuditEntries(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: auditKeys.page(filters, page, pageSize),
    queryFn: ({ signal }) =>
      api.get('/api/audit', {
        params: { query: { ...toQuery(filters), limit: pageSize, page } },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** The people who wrote entries the viewer may see (the actor filter). */
export function useAuditActors() {
  return useQuery({
    queryKey: auditKeys.actors,
    queryFn: ({ signal }) => api.get('/api/audit/actors', { signal }),
    staleTime: 60_000,
  });
}

/**
 * Downloads the filtered entries as xlsx. Fetched rather than navigated to, so a refusal (a missing reason, too many
 * rows) comes back as an error the dialog shows instead of a saved error page.
 */
export async function downloadAuditExport(filters: AuditFilters, reason: string): Promise<void> {
  const qs = new URLSearchParams({ ...(toQuery(filters) as Record<string, string>), reason });
  const res = await fetch(`/api/audit/export?${qs.toString()}`, { credentials: 'same-origin' });
  if (!res.ok) throw apiErrorFrom(res.status, await res.json().catch(() => null));
  const blob = await res.blob();
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name ? decodeURIComponent(name) : 'audit.xlsx';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

const PAGE = 100;

/** Newest first, older pages on demand (kept for callers of the first audit page's hook). */
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
