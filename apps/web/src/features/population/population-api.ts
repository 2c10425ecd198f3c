import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatePersonRequest,
  DataState,
  HouseList,
  Person,
  PersonDetail,
  PersonList,
  PersonMoveInRequest,
  PersonMoveOutRequest,
  PersonStatus,
  PersonUnmaskRequest,
  PersonUnmaskResponse,
  PopulationType,
  UpdatePersonRequest,
} from '@wangge/shared';
import { untypedApi as api, apiRequest, isApiError } from '../../lib/api-client';

const enc = encodeURIComponent;

/** POST /api/persons/lookup: the full ID number and the reason travel in the body (audited, limited per user); a miss is null. */
export async function lookupPersonByIdNumber(idNumber: string, reason: string): Promise<Person | null> {
  try {
    return await api.post<Person>('/api/persons/lookup', { idNumber, reason });
  } catch (err) {
    if (isApiError(err) && err.status === 404) return null;
    throw err;
  }
}

/** Query parameters of GET /api/persons (and its export), as sent. */
export interface PersonListParams {
  areaCode?: string;
  populationType?: PopulationType;
  dataState?: DataState;
  status?: PersonStatus;
  name?: string;
  limit?: number;
  offset?: number;
}

export const personKeys = {
  all: ['persons'] as const,
  lists: ['persons', 'list'] as const,
  list: (p: PersonListParams) => ['persons', 'list', p] as const,
  detail: (id: string) => ['persons', 'detail', id] as const,
};

export function usePersonList(params: PersonListParams) {
  return useQuery({
    queryKey: personKeys.list(params),
    queryFn: ({ signal }) => api.get<PersonList>('/api/persons', { ...params }, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: personKeys.detail(id),
    queryFn: ({ signal }) => api.get<PersonDetail>(`/api/persons/${enc(id)}`, undefined, signal),
    enabled: Boolean(id),
    // A record outside the user's area answers 404: shown on the page, not toasted.
    meta: { silent: true },
  });
}

/** The sheet download is a plain link: the browser sends the session cookie and saves the file. */
export function personsExportUrl(params: Omit<PersonListParams, 'limit' | 'offset'>): string {
  const qs = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  const s = qs.toString();
  return s ? `/api/persons/export?${s}` : '/api/persons/export';
}

function usePersonWrite<V>(fn: (v: V) => Promise<PersonDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Forms and dialogs show the error beside the field it concerns.
    meta: { silent: true },
    onSuccess: (person) => {
      client.setQueryData(personKeys.detail(person.id), person);
      void client.invalidateQueries({ queryKey: personKeys.lists });
    },
  });
}

export const useCreatePerson = () => usePersonWrite((body: CreatePersonRequest) => api.post<PersonDetail>('/api/persons', body));

export const useUpdatePerson = (id: string) =>
  usePersonWrite((body: UpdatePersonRequest) => apiRequest<PersonDetail>(`/api/persons/${enc(id)}`, { method: 'PATCH', body }));

export const useMoveIn = (id: string) => usePersonWrite((body: PersonMoveInRequest) => api.post<PersonDetail>(`/api/persons/${enc(id)}/move-in`, body));

export const useMoveOut = (id: string) => usePersonWrite((body: PersonMoveOutRequest) => api.post<PersonDetail>(`/api/persons/${enc(id)}/move-out`, body));

export const useClaimPerson = (id: string) => usePersonWrite(() => api.post<PersonDetail>(`/api/persons/${enc(id)}/claim`));

export const useVerifyPerson = (id: string) => usePersonWrite(() => api.post<PersonDetail>(`/api/persons/${enc(id)}/verify`));

/** Reveals fields of one record; the server audits it (who, which record, which fields, why). */
export const unmaskPerson = (id: string, body: PersonUnmaskRequest) => api.post<PersonUnmaskResponse>(`/api/persons/${enc(id)}/unmask`, body);

/** Houses whose address contains the words, for the move-in picker (housing module). */
export function useHouseSearch(q: string) {
  return useQuery({
    queryKey: ['houses', 'pick', q],
    queryFn: ({ signal }) => api.get<HouseList>('/api/houses', { q, limit: 20 }, signal),
    enabled: q.trim().length >= 1,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}
