import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CompleteVisitRequest,
  CreateMembershipRequest,
  CreateSpecialGroupRequest,
  EndMembershipRequest,
  Membership,
  PersonVisits,
  RecordVisitRequest,
  SpecialGroup,
  UpdateMembershipRequest,
  UpdateSpecialGroupRequest,
  VisitRecorded,
  VisitTask,
} from '@wangge/shared';
import { untypedApi as api, apiRequest } from '../../lib/api-client';

/** Query parameters of GET /api/special-memberships, as sent. */
export interface MembershipListParams {
  groupCode?: string;
  attentionLevel?: string;
  areaCode?: string;
  active?: 'true' | 'false' | 'all';
  limit?: number;
  offset?: number;
}

/** Query parameters of GET /api/visits/tasks (and …/overdue). */
export interface TaskListParams {
  mine?: '1';
  status?: 'open' | 'done' | 'cancelled';
  areaCode?: string;
  limit?: number;
  offset?: number;
}

export const specialKeys = {
  groups: ['special', 'groups'] as const,
  memberships: ['special', 'memberships'] as const,
  membershipList: (p: MembershipListParams) => ['special', 'memberships', 'list', p] as const,
  person: (personId: string) => ['special', 'person', personId] as const,
  tasks: ['visits', 'tasks'] as const,
  taskList: (kind: 'all' | 'overdue', p: TaskListParams) => ['visits', 'tasks', kind, p] as const,
};

const enc = encodeURIComponent;

/** The group dictionary: not secret, cached for a while. */
export function useSpecialGroups() {
  return useQuery({
    queryKey: specialKeys.groups,
    queryFn: ({ signal }) => api.get<{ items: SpecialGroup[] }>('/api/special-groups', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

export function useCreateGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSpecialGroupRequest) => api.post<SpecialGroup>('/api/special-groups', body),
    meta: { silent: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: specialKeys.groups }),
  });
}

export function useUpdateGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: UpdateSpecialGroupRequest }) =>
      apiRequest<SpecialGroup>(`/api/special-groups/${enc(code)}`, { method: 'PATCH', body }),
    meta: { silent: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: specialKeys.groups }),
  });
}

export function useMemberships(params: MembershipListParams) {
  return useQuery({
    queryKey: specialKeys.membershipList(params),
    queryFn: ({ signal }) => api.get<{ items: Membership[]; total: number }>('/api/special-memberships', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Invalidates everything a membership change can move: lists, person cards and visit tasks. */
function useInvalidateSpecial() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['special'] });
    void client.invalidateQueries({ queryKey: specialKeys.tasks });
  };
}

export function useCreateMembership() {
  const invalidate = useInvalidateSpecial();
  return useMutation({
    mutationFn: (body: CreateMembershipRequest) => api.post<Membership>('/api/special-memberships', body),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useUpdateMembership() {
  const invalidate = useInvalidateSpecial();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMembershipRequest }) =>
      apiRequest<Membership>(`/api/special-memberships/${enc(id)}`, { method: 'PATCH', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useEndMembership() {
  const invalidate = useInvalidateSpecial();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EndMembershipRequest }) => api.post<Membership>(`/api/special-memberships/${enc(id)}/end`, body),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

/** The helper's phone in full: audited on the server, never cached. */
export function useUnmaskGuardian() {
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post<{ guardianPhone: string | null }>(`/api/special-memberships/${enc(id)}/unmask`, { reason }),
    meta: { silent: true },
  });
}

export function useVisitTasks(kind: 'all' | 'overdue', params: TaskListParams, refetchInterval: number | false = false) {
  return useQuery({
    queryKey: specialKeys.taskList(kind, params),
    queryFn: ({ signal }) =>
      api.get<{ items: VisitTask[]; total: number }>(kind === 'overdue' ? '/api/visits/tasks/overdue' : '/api/visits/tasks', { ...params }, signal),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}

/** 完成走访 from a task, or a visit recorded without one (membershipId). */
export function useRecordVisit() {
  const invalidate = useInvalidateSpecial();
  return useMutation({
    mutationFn: (v: { taskId: string; body: CompleteVisitRequest } | { taskId?: undefined; body: RecordVisitRequest }) =>
      v.taskId ? api.post<VisitRecorded>(`/api/visits/tasks/${enc(v.taskId)}/complete`, v.body) : api.post<VisitRecorded>('/api/visits', v.body),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

/** The person page's memberships; only asked when the viewer holds special.read. */
export function usePersonMemberships(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...specialKeys.person(personId), 'memberships'],
    queryFn: ({ signal }) => api.get<{ items: Membership[] }>(`/api/persons/${enc(personId)}/special-memberships`, undefined, signal),
    enabled,
  });
}

export function usePersonVisits(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...specialKeys.person(personId), 'visits'],
    queryFn: ({ signal }) => api.get<PersonVisits>(`/api/persons/${enc(personId)}/visits`, undefined, signal),
    enabled,
  });
}
