import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublicRatingRequest, PublicReopenRequest, PublicReportRequest } from '@wangge/shared';
import { ApiError, api, isApiError } from '../../lib/api-client';

export const publicKeys = {
  case: (caseNo: string, secret: string) => ['public', 'case', caseNo, secret] as const,
};

/** 市民上报; the body carries a fresh idempotency key per form so a double tap makes one case. */
export function usePublicReport() {
  return useMutation({
    mutationFn: (body: PublicReportRequest) => api.post('/api/public/cases', { body }),
    meta: { silent: true },
  });
}

/** 问题类型 a citizen may pick; the dictionary changes rarely, so it is kept for the session. */
export function usePublicCategories() {
  return useQuery({
    queryKey: ['public', 'categories'],
    queryFn: ({ signal }) => api.get('/api/public/categories', { signal }),
    staleTime: Infinity,
    meta: { silent: true },
  });
}

/** GET with the secret in the x-receipt header, without the staff session's cookie. */
function fetchPublicCase(caseNo: string, secret: string, signal: AbortSignal) {
  return api
    .get('/api/public/cases/{caseNo}', {
      params: { path: { caseNo } },
      headers: { 'x-receipt': secret },
      credentials: 'omit',
      signal,
    })
    .catch((err: unknown) => {
      // Citizens get their own wording for a lost connection.
      if (isApiError(err) && err.status === 0)
        throw new ApiError({ status: 0, code: 'network', message: '网络连接失败，请稍后重试' });
      throw err;
    });
}

/** The citizen view, by receipt number and secret (sent in a header, not the URL, so it stays out of logs). */
export function usePublicCase(receipt: { caseNo: string; secret: string } | null) {
  return useQuery({
    queryKey: publicKeys.case(receipt?.caseNo ?? '', receipt?.secret ?? ''),
    queryFn: ({ signal }) => fetchPublicCase(receipt!.caseNo, receipt!.secret, signal),
    enabled: receipt !== null,
    retry: (count, err) => !(isApiError(err) && err.status < 500) && count < 2,
    meta: { silent: true },
  });
}

export function usePublicRate(caseNo: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PublicRatingRequest) =>
      api.post('/api/public/cases/{caseNo}/rating', { params: { path: { caseNo } }, body }),
    onSuccess: (view, body) => qc.setQueryData(publicKeys.case(caseNo, body.secret), view),
    meta: { silent: true },
  });
}

export function usePublicReopen(caseNo: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PublicReopenRequest) =>
      api.post('/api/public/cases/{caseNo}/reopen', { params: { path: { caseNo } }, body }),
    onSuccess: (view, body) => qc.setQueryData(publicKeys.case(caseNo, body.secret), view),
    meta: { silent: true },
  });
}
