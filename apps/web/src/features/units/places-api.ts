import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateInspectionRequest,
  CreatePlaceRequest,
  Inspection,
  InspectionList,
  InspectionTargetType,
  OverdueInspectionList,
  Place,
  PlaceList,
  PlaceType,
  RaiseHazardCaseRequest,
  RaiseHazardCaseResponse,
  UnmaskedPlace,
  UpdatePlaceRequest,
} from '@wangge/shared';
import { untypedApi as api, apiRequest } from '../../lib/api-client';
import { unitKeys } from './units-api';

const enc = encodeURIComponent;

export interface PlaceListParams {
  areaCode?: string;
  placeType?: PlaceType;
  unitId?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

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
    queryFn: ({ signal }) => api.get<PlaceList>('/api/places', { ...params }, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    enabled,
  });
}

export function usePlace(id: string) {
  return useQuery({
    queryKey: placeKeys.detail(id),
    queryFn: ({ signal }) => api.get<Place>(`/api/places/${enc(id)}`, undefined, signal),
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

export const useCreatePlace = () => usePlaceWrite((body: CreatePlaceRequest) => api.post<Place>('/api/places', body));
export const useUpdatePlace = (id: string) =>
  usePlaceWrite((body: UpdatePlaceRequest) => apiRequest<Place>(`/api/places/${enc(id)}`, { method: 'PATCH', body }));

export function useUnmaskPlace(id: string) {
  return useMutation({
    mutationFn: (reason: string) => api.post<UnmaskedPlace>(`/api/places/${enc(id)}/unmask`, { reason, fields: ['responsiblePhone'] }),
    meta: { silent: true },
  });
}

/** Inspection history of one unit or place, newest first. */
export function useInspections(targetId: string) {
  return useQuery({
    queryKey: inspectionKeys.target(targetId),
    queryFn: ({ signal }) => api.get<InspectionList>('/api/inspections', { targetId, limit: 200 }, signal),
    enabled: Boolean(targetId),
  });
}

export function useOverdue(params: { targetType?: InspectionTargetType; areaCode?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: inspectionKeys.overdue(params),
    queryFn: ({ signal }) => api.get<OverdueInspectionList>('/api/inspections/overdue', { ...params }, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** After an inspection the target's schedule moved: reload it, its history and the overdue list. */
function useAfterInspection() {
  const client = useQueryClient();
  return (targetType: InspectionTargetType, targetId: string) => {
    void client.invalidateQueries({ queryKey: inspectionKeys.all });
    void client.invalidateQueries({ queryKey: targetType === 'unit' ? unitKeys.detail(targetId) : placeKeys.detail(targetId) });
    void client.invalidateQueries({ queryKey: targetType === 'unit' ? unitKeys.lists : placeKeys.lists });
  };
}

export function useCreateInspection() {
  const after = useAfterInspection();
  return useMutation({
    mutationFn: (body: CreateInspectionRequest) => api.post<Inspection>('/api/inspections', body),
    meta: { silent: true },
    onSuccess: (i) => after(i.targetType, i.targetId),
  });
}

export function useRaiseCase(inspection: Inspection) {
  const after = useAfterInspection();
  return useMutation({
    mutationFn: (body: RaiseHazardCaseRequest) => api.post<RaiseHazardCaseResponse>(`/api/inspections/${enc(inspection.id)}/raise-case`, body),
    meta: { silent: true },
    onSuccess: () => after(inspection.targetType, inspection.targetId),
  });
}
