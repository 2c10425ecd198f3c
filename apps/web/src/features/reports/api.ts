import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ApiResponse } from '../../lib/api-client';

export type ReportData = ApiResponse<'/api/reports'>['items'][number];

export function useReports(areaCode: string | null) {
  return useQuery({
    queryKey: ['reports', areaCode ?? ''],
    queryFn: ({ signal }) =>
      api.get('/api/reports', {
        params: { query: { limit: 100, ...(areaCode ? { areaCode } : {}) } },
        signal,
      }),
  });
}

export function useGenerateReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { areaCode: string; period: string }) =>
      api.post('/api/reports/monthly', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reports'] }),
  });
}

/** The files are served by the API itself (scope checked per request); the browser opens or saves them. */
export const reportFileUrl = (id: string, format: 'html' | 'pdf') =>
  `/api/reports/${encodeURIComponent(id)}.${format}`;
