import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateResidentFileRequest, RaiseCaseFromFileRequest, ResidentFile, UpdateResidentFileRequest } from '@wangge/shared';
import { untypedApi as api, apiRequest } from '../../lib/api-client';

/** Query parameters of GET /api/resident-files, as sent. */
export interface ResidentFileListParams {
  kind?: string;
  status?: string;
  areaCode?: string;
  personId?: string;
  limit?: number;
  offset?: number;
}

const key = ['resident-files'] as const;

export function useResidentFiles(params: ResidentFileListParams, enabled = true) {
  return useQuery({
    queryKey: [...key, params],
    queryFn: ({ signal }) => api.get<{ items: ResidentFile[]; total: number }>('/api/resident-files', { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateResidentFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateResidentFileRequest) => api.post<ResidentFile>('/api/resident-files', body),
    meta: { silent: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}

export function useUpdateResidentFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateResidentFileRequest }) =>
      apiRequest<ResidentFile>(`/api/resident-files/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    meta: { silent: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}

/** 转为案件: the server reports the case as the caller and links it. */
export function useRaiseCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RaiseCaseFromFileRequest }) =>
      api.post<ResidentFile>(`/api/resident-files/${encodeURIComponent(id)}/raise-case`, body),
    meta: { silent: true },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key });
      void client.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}
