import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseTransitionRequest, ReportCaseRequest } from '@wangge/shared';
import { api, isApiError, type ApiQuery, type ApiResponse } from '../../lib/api-client';

/** GET /api/cases/:id/events item (the server's CaseEvent). */
export type CaseEvent = ApiResponse<'/api/cases/{id}/events'>['items'][number];

/** Query parameters of GET /api/cases. */
export type CaseListParams = ApiQuery<'/api/cases'>;

export const caseKeys = {
  all: ['cases'] as const,
  lists: ['cases', 'list'] as const,
  list: (params: CaseListParams) => ['cases', 'list', params] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  events: (id: string) => ['cases', 'events', id] as const,
};

export const QUEUE_REFRESH_MS = 30_000;

export function fetchCaseList(params: CaseListParams, signal?: AbortSignal) {
  return api.get('/api/cases', { params: { query: params }, signal });
}

export function useCaseList(
  params: CaseListParams,
  options: { refetchInterval?: number; enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: caseKeys.list(params),
    queryFn: ({ signal }) => fetchCaseList(params, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    refetchInterval: options.refetchInterval ?? false,
    enabled: options.enabled ?? true,
  });
}

export function useCase(id: string, refetchInterval: number | false = false) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => api.get('/api/cases/{id}', { params: { path: { id } }, signal }),
    staleTime: 5_000,
    refetchInterval,
    // A missing case is shown as such, not toasted.
    meta: { silent: true },
  });
}

export function useCaseEvents(id: string) {
  return useQuery({
    queryKey: caseKeys.events(id),
    queryFn: ({ signal }) =>
      api.get('/api/cases/{id}/events', { params: { path: { id } }, signal }),
    staleTime: 5_000,
  });
}

/** 上报. The caller keeps `idempotencyKey` across retries so one report never makes two cases. */
export function useReportCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportCaseRequest) => api.post('/api/cases', { body }),
    // A lost connection is retried with the same body, hence the same idempotency key.
    retry: (count, err) => isApiError(err) && err.status === 0 && count < 2,
    // The form shows the error next to the field it concerns.
    meta: { silent: true },
    onSuccess: (view) => {
      client.setQueryData(caseKeys.detail(view.id), view);
      void client.invalidateQueries({ queryKey: caseKeys.lists });
    },
  });
}

export function useCaseTransition(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseTransitionRequest) =>
      api.post('/api/cases/{id}/transitions', { params: { path: { id } }, body }),
    meta: { silent: true },
    onSuccess: (view) => {
      client.setQueryData(caseKeys.detail(id), view);
      void client.invalidateQueries({ queryKey: caseKeys.events(id) });
      void client.invalidateQueries({ queryKey: caseKeys.lists });
    },
  });
}

/** Reloads the case and its timeline (after a conflict or a refusal). */
export function useRefreshCase(id: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: caseKeys.detail(id) });
    void client.invalidateQueries({ queryKey: caseKeys.events(id) });
    void client.invalidateQueries({ queryKey: caseKeys.lists });
  };
}

/** A 409 for a stale `version` (someone else acted first), as opposed to a 409 about the case's state. */
export function isVersionConflict(err: unknown): boolean {
  if (!isApiError(err) || err.status !== 409) return false;
  const body = err.body as { error?: { details?: { reason?: unknown } } } | null;
  return body?.error?.details?.reason === undefined;
}

/** A fresh client key for one report; crypto.getRandomValues also works on plain-HTTP intranets. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `rpt-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
