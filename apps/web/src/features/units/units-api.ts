import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddUnitEmployeeRequest,
  CreateUnitRequest,
  FocusTag,
  PersonList,
  UnitDetail,
  UnitList,
  UnitStatus,
  UnitType,
  UnitUnmaskField,
  UnmaskedUnit,
  UpdateUnitRequest,
} from '@wangge/shared';
import { untypedApi as api, apiRequest } from '../../lib/api-client';

const enc = encodeURIComponent;

/** Query parameters of GET /api/units (and the export), as sent. */
export interface UnitListParams {
  areaCode?: string;
  unitType?: UnitType;
  focusTag?: FocusTag;
  keyOnly?: 'true';
  status?: UnitStatus;
  q?: string;
  limit?: number;
  offset?: number;
}

export const unitKeys = {
  all: ['units'] as const,
  lists: ['units', 'list'] as const,
  list: (p: UnitListParams) => ['units', 'list', p] as const,
  detail: (id: string) => ['units', 'detail', id] as const,
};

export function useUnitList(params: UnitListParams) {
  return useQuery({
    queryKey: unitKeys.list(params),
    queryFn: ({ signal }) => api.get<UnitList>('/api/units', { ...params }, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** POST /api/units/search: the full phone and the reason travel in the body (audited, limited per user). */
export const searchUnitsByPhone = (phone: string, reason: string) => api.post<UnitList>('/api/units/search', { phone, reason });

export function useUnit(id: string) {
  return useQuery({
    queryKey: unitKeys.detail(id),
    queryFn: ({ signal }) => api.get<UnitDetail>(`/api/units/${enc(id)}`, undefined, signal),
    enabled: Boolean(id),
    // A missing unit is shown as such, not toasted.
    meta: { silent: true },
  });
}

/** The sheet download is a plain link: the browser sends the session cookie and saves the file. */
export function unitsExportUrl(params: Omit<UnitListParams, 'limit' | 'offset'>): string {
  const qs = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
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

export const useCreateUnit = () => useUnitWrite((body: CreateUnitRequest) => api.post<UnitDetail>('/api/units', body));

export const useUpdateUnit = (id: string) =>
  useUnitWrite((body: UpdateUnitRequest) => apiRequest<UnitDetail>(`/api/units/${enc(id)}`, { method: 'PATCH', body }));

export const useAddEmployee = (id: string) =>
  useUnitWrite((body: AddUnitEmployeeRequest) => api.post<UnitDetail>(`/api/units/${enc(id)}/employees`, body));

export const useRemoveEmployee = (id: string) =>
  useUnitWrite((employeeId: string) => apiRequest<UnitDetail>(`/api/units/${enc(id)}/employees/${enc(employeeId)}`, { method: 'DELETE' }));

export function useUnmaskUnit(id: string) {
  return useMutation({
    mutationFn: (body: { reason: string; fields: UnitUnmaskField[] }) => api.post<UnmaskedUnit>(`/api/units/${enc(id)}/unmask`, body),
    meta: { silent: true },
  });
}

/** Persons whose name starts with `name`, for the employee picker (population module; answers are masked). */
export function usePersonSearch(name: string) {
  return useQuery({
    queryKey: ['persons', 'pick', name],
    queryFn: ({ signal }) => api.get<PersonList>('/api/persons', { name, limit: 20 }, signal),
    enabled: name.trim().length >= 1,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}
