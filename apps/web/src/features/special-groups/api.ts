import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CompleteVisitRequest,
  CreateMembershipRequest,
  CreateSpecialGroupRequest,
  EndMembershipRequest,
  RecordVisitRequest,
  UpdateMembershipRequest,
  UpdateSpecialGroupRequest,
} from '@wangge/shared';
import { api, type ApiQuery } from '../../lib/api-client';

/** Query parameters of GET /api/special-memberships. */
export type MembershipListParams = ApiQuery<'/api/special-memberships'>;

/** Query parameters of GET /api/visits/tasks (and …/overdue). */
export type TaskListParams = ApiQuery<'/api/visits/tasks'>;

export const specialKeys = {
  groups: ['special', 'groups'] as const,
  memberships: ['special', 'memberships'] as const,
  membershipList: (p: MembershipListParams) => ['special', 'memberships', 'list', p] as const,
  person: (personId: string) => ['special', 'person', personId] as const,
  tasks: ['visits', 'tasks'] as const,
  taskList: (kind: 'all' | 'overdue', p: TaskListParams) => ['visits', 'tasks', kind, p] as const,
};

/** The group dictionary: not secret, cached for a while. */
export function useSpecialGroups() {
  return useQuery({
    queryKey: specialKeys.groups,
    queryFn: ({ signal }) => api.get('/api/special-groups', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useCreateGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSpecialGroupRequest) => api.post('/api/special-groups', { body }),
    meta: { silent: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: specialKeys.groups }),
  });
}

export function useUpdateGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: UpdateSpecialGroupRequest }) =>
      api.patch('/api/special-groups/{code}', { params: { path: { code } }, body }),
    meta: { silent: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: specialKeys.groups }),
  });
}

export function useMemberships(params: MembershipListParams) {
  return useQuery({
    queryKey: specialKeys.membershipList(params),
    queryFn: ({ signal }) =>
      api.get('/api/special-memberships', { params: { query: params }, signal }),
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
    mutationFn: (body: CreateMembershipRequest) => api.post('/api/special-memberships', { body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useUpdateMembership() {
  const invalidate = useInvalidateSpecial();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMembershipRequest }) =>
      api.patch('/api/special-memberships/{id}', { params: { path: { id } }, body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useEndMembership() {
  const invalidate = useInvalidateSpecial();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EndMembershipRequest }) =>
      api.post('/api/special-memberships/{id}/end', { params: { path: { id } }, body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

/** The helper's phone in full: audited on the server, never cached. */
export function useUnmaskGuardian() {
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post('/api/special-memberships/{id}/unmask', {
        params: { path: { id } },
        body: { reason },
      }),
    meta: { silent: true },
  });
}

export function useVisitTasks(
  kind: 'all' | 'overdue',
  params: TaskListParams,
  refetchInterval: number | false = false,
) {
  return useQuery({
    queryKey: specialKeys.taskList(kind, params),
    queryFn: ({ signal }) =>
      kind === 'overdue'
        ? api.get('/api/visits/tasks/overdue', { params: { query: params }, signal })
        : api.get('/api/visits/tasks', { params: { query: params }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}

/** 完成走访 from a task, or a visit recorded without one (membershipId). */
export function useRecordVisit() {
  const invalidate = useInvalidateSpecial();
  return useMutation({
    mutationFn: (
      v:
        | { taskId: string; body: CompleteVisitRequest }
        | { taskId?: undefined; body: RecordVisitRequest },
    ) =>
      v.taskId !== undefined
        ? api.post('/api/visits/tasks/{id}/complete', {
            params: { path: { id: v.taskId } },
            body: v.body,
          })
        : api.post('/api/visits', { body: v.body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

/** The person page's memberships; only asked when the viewer holds special.read. */
export function usePersonMemberships(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...specialKeys.person(personId), 'memberships'],
    queryFn: ({ signal }) =>
      api.get('/api/persons/{id}/special-memberships', {
        params: { path: { id: personId } },
        signal,
      }),
    enabled,
  });
}

export function usePersonVisits(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...specialKeys.person(personId), 'visits'],
    queryFn: ({ signal }) =>
      api.get('/api/persons/{id}/visits', { params: { path: { id: personId } }, signal }),
    enabled,
  });
}
