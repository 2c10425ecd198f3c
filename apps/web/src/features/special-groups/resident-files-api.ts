import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateResidentFileRequest,
  RaiseCaseFromFileRequest,
  UpdateResidentFileRequest,
} from '@wangge/shared';
import { api, type ApiQuery } from '../../lib/api-client';

/** Query parameters of GET /api/resident-files. */
export type ResidentFileListParams = ApiQuery<'/api/resident-files'>;

const key = ['resident-files'] as const;

export function useResidentFiles(params: ResidentFileListParams, enabled = true) {
  return useQuery({
    queryKey: [...key, params],
    queryFn: ({ signal }) => api.get('/api/resident-files', { params: { query: params }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateResidentFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateResidentFileRequest) => api.post('/api/resident-files', { body }),
    meta: { silent: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}

export function useUpdateResidentFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateResidentFileRequest }) =>
      api.patch('/api/resident-files/{id}', { params: { path: { id } }, body }),
    meta: { silent: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}

/** 转为案件: the server reports the case as the caller and links it. */
export function useRaiseCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RaiseCaseFromFileRequest }) =>
      api.post('/api/resident-files/{id}/raise-case', { params: { path: { id } }, body }),
    meta: { silent: true },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key });
      void client.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}
