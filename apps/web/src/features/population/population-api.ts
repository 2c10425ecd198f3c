import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatePersonRequest,
  Person,
  PersonDetail,
  PersonMoveInRequest,
  PersonMoveOutRequest,
  PersonUnmaskRequest,
  UpdatePersonRequest,
} from '@wangge/shared';
import { api, isApiError, type ApiQuery } from '../../lib/api-client';

/** POST /api/persons/lookup: the full ID number and the reason travel in the body (audited, limited per user); a miss is null. */
export async function lookupPersonByIdNumber(
  idNumber: string,
  reason: string,
): Promise<Person | null> {
  try {
    return await api.post('/api/persons/lookup', {
      body: { idNumber, idType: 'resident_id', reason },
    });
  } catch (err) {
    if (isApiError(err) && err.status === 404) return null;
    throw err;
  }
}

/** POST /api/persons/by-phone: the full phone and the reason in the body (audited, limited per user); masked rows. */
export const lookupPersonsByPhone = (phone: string, reason: string) =>
  api.post('/api/persons/by-phone', { body: { phone, reason } });

/** Query parameters of GET /api/persons. */
export type PersonListParams = ApiQuery<'/api/persons'>;

export const personKeys = {
  all: ['persons'] as const,
  lists: ['persons', 'list'] as const,
  list: (p: PersonListParams) => ['persons', 'list', p] as const,
  detail: (id: string) => ['persons', 'detail', id] as const,
};

export function usePersonList(params: PersonListParams) {
  return useQuery({
    queryKey: personKeys.list(params),
    queryFn: ({ signal }) => api.get('/api/persons', { params: { query: params }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: personKeys.detail(id),
    queryFn: ({ signal }) => api.get('/api/persons/{id}', { params: { path: { id } }, signal }),
    enabled: Boolean(id),
    // A record outside the user's area answers 404: shown on the page, not toasted.
    meta: { silent: true },
  });
}

/** The sheet download is a plain link: the browser sends the session cookie and saves the file. */
export function personsExportUrl(params: Omit<PersonListParams, 'limit' | 'offset'>): string {
  const qs = new URLSearchParams(
    Object.entries(params).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
    ),
  );
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

export const useCreatePerson = () =>
  usePersonWrite((body: CreatePersonRequest) => api.post('/api/persons', { body }));

export const useUpdatePerson = (id: string) =>
  usePersonWrite((body: UpdatePersonRequest) =>
    api.patch('/api/persons/{id}', { params: { path: { id } }, body }),
  );

export const useMoveIn = (id: string) =>
  usePersonWrite((body: PersonMoveInRequest) =>
    api.post('/api/persons/{id}/move-in', { params: { path: { id } }, body }),
  );

export const useMoveOut = (id: string) =>
  usePersonWrite((body: PersonMoveOutRequest) =>
    api.post('/api/persons/{id}/move-out', { params: { path: { id } }, body }),
  );

export const useClaimPerson = (id: string) =>
  usePersonWrite(() => api.post('/api/persons/{id}/claim', { params: { path: { id } } }));

export const useVerifyPerson = (id: string) =>
  usePersonWrite(() => api.post('/api/persons/{id}/verify', { params: { path: { id } } }));

/** Reveals fields of one record; the server audits it (who, which record, which fields, why). */
export const unmaskPerson = (id: string, body: PersonUnmaskRequest) =>
  api.post('/api/persons/{id}/unmask', { params: { path: { id } }, body });

/** Houses whose address contains the words, for the move-in picker (housing module). */
export function useHouseSearch(q: string) {
  return useQuery({
    queryKey: ['houses', 'pick', q],
    queryFn: ({ signal }) =>
      api.get('/api/houses', { params: { query: { q, limit: 20 } }, signal }),
    enabled: q.trim().length >= 1,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}
