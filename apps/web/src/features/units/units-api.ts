import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddUnitEmployeeRequest,
  CreateUnitRequest,
  UnitDetail,
  UnitUnmaskField,
  UpdateUnitRequest,
} from '@wangge/shared';
import { api, type ApiQuery } from '../../lib/api-client';

/** Query parameters of GET /api/units. */
export type UnitListParams = ApiQuery<'/api/units'>;

export const unitKeys = {
  all: ['units'] as const,
  lists: ['units', 'list'] as const,
  list: (p: UnitListParams) => ['units', 'list', p] as const,
  detail: (id: string) => ['units', 'detail', id] as const,
};

export function useUnitList(params: UnitListParams) {
  return useQuery({
    queryKey: unitKeys.list(params),
    queryFn: ({ signal }) => api.get('/api/units', { params: { query: params }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** POST /api/units/search: the full phone and the reason travel in the body (audited, limited per user). */
export const searchUnitsByPhone = (phone: string, reason: string) =>
  api.post('/api/units/search', { body: { phone, reason, limit: 50, offset: 0 } });

export function useUnit(id: string) {
  return useQuery({
    queryKey: unitKeys.detail(id),
    queryFn: ({ signal }) => api.get('/api/units/{id}', { params: { path: { id } }, signal }),
    enabled: Boolean(id),
    // A missing unit is shown as such, not toasted.
    meta: { silent: true },
  });
}

/** The sheet download is a plain link: the browser sends the session cookie and saves the file. */
export function unitsExportUrl(params: Omit<UnitListParams, 'limit' | 'offset'>): string {
  const qs = new URLSearchParams(
    Object.entries(params).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
    ),
  );
  const s = qs.toString();
  return s ? `/api/units/export?${s}` : '/api/units/export';
}

function useUnitWrite<V>(fn: (v: V) => Promise<UnitDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Forms show the error beside the field it concerns.
    meta: { silent: true },
    onSuccess: (unit) => {
      client.setQueryData(unitKeys.detail(unit.id), unit);
      void client.invalidateQueries({ queryKey: unitKeys.lists });
    },
  });
}

export const useCreateUnit = () =>
  useUnitWrite((body: CreateUnitRequest) => api.post('/api/units', { body }));

export const useUpdateUnit = (id: string) =>
  useUnitWrite((body: UpdateUnitRequest) =>
    api.patch('/api/units/{id}', { params: { path: { id } }, body }),
  );

export const useAddEmployee = (id: string) =>
  useUnitWrite((body: AddUnitEmployeeRequest) =>
    api.post('/api/units/{id}/employees', { params: { path: { id } }, body }),
  );

export const useRemoveEmployee = (id: string) =>
  useUnitWrite((employeeId: string) =>
    api.delete('/api/units/{id}/employees/{employeeId}', { params: { path: { id, employeeId } } }),
  );

export function useUnmaskUnit(id: string) {
  return useMutation({
    mutationFn: (body: { reason: string; fields: UnitUnmaskField[] }) =>
      api.post('/api/units/{id}/unmask', { params: { path: { id } }, body }),
    meta: { silent: true },
  });
}

/** Persons whose name starts with `name`, for the employee picker (population module; answers are masked). */
export function usePersonSearch(name: string) {
  return useQuery({
    queryKey: ['persons', 'pick', name],
    queryFn: ({ signal }) =>
      api.get('/api/persons', { params: { query: { name, limit: 20 } }, signal }),
    enabled: name.trim().length >= 1,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}
