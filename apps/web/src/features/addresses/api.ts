import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddressList,
  AddressNode,
  CreateAddressRequest,
  CreateHouseRequest,
  HouseResidents,
  UpdateAddressRequest,
  UpdateHouseRequest,
} from '@wangge/shared';
import { api, isApiError, type ApiQuery } from '../../lib/api-client';

/** Query parameters of GET /api/addresses. */
export type AddressListParams = ApiQuery<'/api/addresses'>;

/** Query parameters of GET /api/houses. */
export type HouseListParams = ApiQuery<'/api/houses'>;

export const addressKeys = {
  all: ['addresses'] as const,
  list: (p: AddressListParams) => ['addresses', 'list', p] as const,
  detail: (id: string) => ['addresses', 'detail', id] as const,
  search: (q: string) => ['addresses', 'search', q] as const,
};

export const houseKeys = {
  all: ['houses'] as const,
  list: (p: HouseListParams) => ['houses', 'list', p] as const,
  detail: (id: string) => ['houses', 'detail', id] as const,
  residents: (id: string) => ['houses', 'residents', id] as const,
};

export function fetchAddressList(p: AddressListParams, signal?: AbortSignal): Promise<AddressList> {
  return api.get('/api/addresses', { params: { query: p }, signal });
}

export function useAddressList(p: AddressListParams, enabled = true) {
  return useQuery({
    queryKey: addressKeys.list(p),
    queryFn: ({ signal }) => fetchAddressList(p, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useAddress(id: string | null) {
  return useQuery({
    queryKey: addressKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      api.get('/api/addresses/{id}', { params: { path: { id: id ?? '' } }, signal }),
    enabled: id !== null,
    meta: { silent: true },
  });
}

/** Search by parts of the address; with a level, the filtered list of that level (e.g. rooms for a house). */
export function useAddressSearch(q: string, level?: AddressNode['level']) {
  const text = q.trim();
  return useQuery({
    queryKey: [...addressKeys.search(text), level ?? ''],
    queryFn: ({ signal }): Promise<{ items: AddressNode[] }> =>
      level
        ? fetchAddressList({ q: text, level, limit: 20 }, signal)
        : api.get('/api/addresses/search', { params: { query: { q: text, limit: 20 } }, signal }),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useCreateAddress() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAddressRequest) => api.post('/api/addresses', { body }),
    // Forms show field errors themselves.
    meta: { silent: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: addressKeys.all }),
  });
}

export function useUpdateAddress(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAddressRequest) =>
      api.patch('/api/addresses/{id}', { params: { path: { id } }, body }),
    meta: { silent: true },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: addressKeys.all });
      // A rename or a move changes the copied address of houses below.
      void client.invalidateQueries({ queryKey: houseKeys.all });
    },
  });
}

export function useHouseList(p: HouseListParams) {
  return useQuery({
    queryKey: houseKeys.list(p),
    queryFn: ({ signal }) => api.get('/api/houses', { params: { query: p }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** POST /api/houses/search: the landlord's full phone and the reason travel in the body (audited, limited per user). */
export const searchHousesByLandlordPhone = (landlordPhone: string, reason: string) =>
  api.post('/api/houses/search', { body: { landlordPhone, reason, limit: 50, offset: 0 } });

export function useHouse(id: string) {
  return useQuery({
    queryKey: houseKeys.detail(id),
    queryFn: ({ signal }) => api.get('/api/houses/{id}', { params: { path: { id } }, signal }),
    meta: { silent: true },
  });
}

/** The house registered on a room, if any (a room has at most one). */
export function useHouseOfRoom(addressId: string | null) {
  return useQuery({
    queryKey: ['houses', 'list', { addressId }],
    queryFn: async ({ signal }) =>
      (
        await api.get('/api/houses', {
          params: { query: { addressId: addressId ?? '', limit: 1 } },
          signal,
        })
      ).items[0] ?? null,
    enabled: addressId !== null,
  });
}

/**
 * Current and former residents, served by the population module. Until that route exists (404) the list is simply
 * empty, so the house page works on its own.
 */
export function useHouseResidents(id: string) {
  return useQuery({
    queryKey: houseKeys.residents(id),
    queryFn: async ({ signal }): Promise<HouseResidents> => {
      try {
        return await api.get('/api/houses/{id}/residents', { params: { path: { id } }, signal });
      } catch (err) {
        if (isApiError(err) && err.status === 404) return { current: [], former: [] };
        throw err;
      }
    },
    meta: { silent: true },
  });
}

export function useCreateHouse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateHouseRequest) => api.post('/api/houses', { body }),
    meta: { silent: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: houseKeys.all }),
  });
}

export function useUpdateHouse(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateHouseRequest) =>
      api.patch('/api/houses/{id}', { params: { path: { id } }, body }),
    meta: { silent: true },
    onSuccess: (house) => {
      client.setQueryData(houseKeys.detail(id), house);
      void client.invalidateQueries({ queryKey: ['houses', 'list'] });
    },
  });
}

export function useUnmaskLandlord(id: string) {
  return useMutation({
    mutationFn: (reason: string) =>
      api.post('/api/houses/{id}/unmask', { params: { path: { id } }, body: { reason } }),
    meta: { silent: true },
  });
}
