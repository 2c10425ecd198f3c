import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PublicLookupRequest,
  PublicPhotoResult,
  PublicRatingRequest,
  PublicReopenRequest,
  PublicReportRequest,
} from '@wangge/shared';
import { ApiError, api, apiErrorFrom, isApiError } from '../../lib/api-client';

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

/** Outlines of one level for the map pick: public, cached by the browser for five minutes. */
export function usePublicAreas(level: 'street' | 'community' | 'grid', enabled = true) {
  return useQuery({
    queryKey: ['public', 'areas', level],
    queryFn: ({ signal }) =>
      api.get('/api/public/areas', { params: { query: { level } }, signal, credentials: 'omit' }),
    enabled,
    staleTime: 5 * 60_000,
    meta: { silent: true },
  });
}

/** Streets, communities and grids by name, for the picker of last resort. */
export function usePublicAreaList(enabled: boolean) {
  return useQuery({
    queryKey: ['public', 'area-list'],
    queryFn: ({ signal }) => api.get('/api/public/area-list', { signal, credentials: 'omit' }),
    enabled,
    staleTime: 5 * 60_000,
    meta: { silent: true },
  });
}

/** 标准地址 and area names matching what the citizen typed (at least 2 characters). */
export function usePublicPlaces(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['public', 'places', text],
    queryFn: ({ signal }) =>
      api.get('/api/public/places', { params: { query: { q: text } }, signal }),
    enabled: text.length >= 2,
    staleTime: 60_000,
    retry: false,
    meta: { silent: true },
  });
}

/** One photo for the report form with this key; the server sniffs the type and keeps the device's quota. */
export async function uploadPublicPhoto(file: File, idempotencyKey: string) {
  const res = await fetch(
    `/api/public/photos?idempotencyKey=${encodeURIComponent(idempotencyKey)}`,
    {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': file.type || 'application/octet-stream',
        accept: 'application/json',
      },
      body: file,
    },
  ).catch(() => {
    throw new ApiError({ status: 0, code: 'network', message: '网络连接失败，请稍后重试' });
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw apiErrorFrom(res.status, body);
  return body as PublicPhotoResult;
}

/** 获取验证码 for a phone (the demo shows it; a city with an SMS gateway sends it). */
export function usePublicCode() {
  return useMutation({
    mutationFn: (phone: string) => api.post('/api/public/lookup/code', { body: { phone } }),
    meta: { silent: true },
  });
}

/** The phone's reports with the code. */
export function usePublicLookup() {
  return useMutation({
    mutationFn: (body: PublicLookupRequest) => api.post('/api/public/lookup', { body }),
    meta: { silent: true },
  });
}
