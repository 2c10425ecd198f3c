import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateInspectionRequest,
  CreatePlaceRequest,
  Inspection,
  InspectionTargetType,
  Place,
  RaiseHazardCaseRequest,
  UpdatePlaceRequest,
} from '@wangge/shared';
import { api, type ApiQuery } from '../../lib/api-client';
import { unitKeys } from './units-api';

/** Query parameters of GET /api/places. */
export type PlaceListParams = ApiQuery<'/api/places'>;

export const placeKeys = {
  lists: ['places', 'list'] as const,
  list: (p: PlaceListParams) => ['places', 'list', p] as const,
  detail: (id: string) => ['places', 'detail', id] as const,
};
export const inspectionKeys = {
  all: ['inspections'] as const,
  target: (id: string) => ['inspections', 'target', id] as const,
  overdue: (p: object) => ['inspections', 'overdue', p] as const,
};

export function usePlaceList(params: PlaceListParams, enabled = true) {
  return useQuery({
    queryKey: placeKeys.list(params),
    queryFn: ({ signal }) => api.get('/api/places', { params: { query: params }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    enabled,
  });
}

export function usePlace(id: string) {
  return useQuery({
    queryKey: placeKeys.detail(id),
    queryFn: ({ signal }) => api.get('/api/places/{id}', { params: { path: { id } }, signal }),
    enabled: Boolean(id),
    meta: { silent: true },
  });
}

function usePlaceWrite<V>(fn: (v: V) => Promise<Place>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { silent: true },
    onSuccess: (place) => {
      client.setQueryData(placeKeys.detail(place.id), place);
      void client.invalidateQueries({ queryKey: placeKeys.lists });
    },
  });
}

export const useCreatePlace = () =>
  usePlaceWrite((body: CreatePlaceRequest) => api.post('/api/places', { body }));
export const useUpdatePlace = (id: string) =>
  usePlaceWrite((body: UpdatePlaceRequest) =>
    api.patch('/api/places/{id}', { params: { path: { id } }, body }),
  );

export function useUnmaskPlace(id: string) {
  return useMutation({
    mutationFn: (reason: string) =>
      api.post('/api/places/{id}/unmask', {
        params: { path: { id } },
        body: { reason, fields: ['responsiblePhone'] },
      }),
    meta: { silent: true },
  });
}

/** Inspection history of one unit or place, newest first. */
export function useInspections(targetId: string) {
  return useQuery({
    queryKey: inspectionKeys.target(targetId),
    queryFn: ({ signal }) =>
      api.get('/api/inspections', { params: { query: { targetId, limit: 200 } }, signal }),
    enabled: Boolean(targetId),
  });
}

export function useOverdue(params: {
  targetType?: InspectionTargetType;
  areaCode?: string;
  limit: number;
  offset: number;
}) {
  return useQuery({
    queryKey: inspectionKeys.overdue(params),
    queryFn: ({ signal }) =>
      api.get('/api/inspections/overdue', { params: { query: params }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** After an inspection the target's schedule moved: reload it, its history and the overdue list. */
function useAfterInspection() {
  const client = useQueryClient();
  return (targetType: InspectionTargetType, targetId: string) => {
    void client.invalidateQueries({ queryKey: inspectionKeys.all });
    void client.invalidateQueries({
      queryKey: targetType === 'unit' ? unitKeys.detail(targetId) : placeKeys.detail(targetId),
    });
    void client.invalidateQueries({
      queryKey: targetType === 'unit' ? unitKeys.lists : placeKeys.lists,
    });
  };
}

export function useCreateInspection() {
  const after = useAfterInspection();
  return useMutation({
    mutationFn: (body: CreateInspectionRequest) => api.post('/api/inspections', { body }),
    meta: { silent: true },
    onSuccess: (i) => after(i.targetType, i.targetId),
  });
}

export function useRaiseCase(inspection: Inspection) {
  const after = useAfterInspection();
  return useMutation({
    mutationFn: (body: RaiseHazardCaseRequest) =>
      api.post('/api/inspections/{id}/raise-case', {
        params: { path: { id: inspection.id } },
        body,
      }),
    meta: { silent: true },
    onSuccess: () => after(inspection.targetType, inspection.targetId),
  });
}
