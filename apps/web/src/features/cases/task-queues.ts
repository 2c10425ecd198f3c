import { useQueries } from '@tanstack/react-query';
import { FIELD_ROLES, type CaseView, type Me } from '@wangge/shared';
import type { MessageKey } from '../../lib/i18n';
import { caseKeys, fetchCaseList, QUEUE_REFRESH_MS, type CaseListParams } from './api';

/** One 我的任务 section: a server query, narrowed on the client where the API has no filter. */
export interface TaskQueue {
  key: string;
  title: MessageKey;
  params: CaseListParams;
  keep?: (view: CaseView) => boolean;
}

const LIMIT = 200;
const FIELD_ROLE_SET = new Set<string>(FIELD_ROLES);
const hasRequest = (view: CaseView) => view.decidableRequests.length > 0;

/** The queues of the user's roles (a user with several roles gets several sections). */
export function taskQueuesFor(me: Pick<Me, 'id' | 'roles' | 'permissions'>): TaskQueue[] {
  if (!me.permissions.includes('cases.act')) return [];
  const roles = new Set(me.roles.map((r) => r.code));
  const queues: TaskQueue[] = [];
  if (roles.has('intake_operator'))
    queues.push({
      key: 'intake',
      title: 'tasks.intake',
      params: { state: 'pending_acceptance,pending_check', limit: LIMIT },
    });
  if (roles.has('shift_leader')) {
    queues.push({
      key: 'shift',
      title: 'tasks.shift',
      params: { state: 'pending_registration,pending_close', limit: LIMIT },
    });
    queues.push({
      key: 'shift-requests',
      title: 'tasks.requests',
      params: { state: 'pending_dispatch,handling,closed', limit: LIMIT },
      keep: hasRequest,
    });
  }
  if (roles.has('dispatcher')) {
    queues.push({
      key: 'dispatch',
      title: 'tasks.dispatch',
      params: { state: 'pending_dispatch,feedback_review', limit: LIMIT },
    });
    queues.push({
      key: 'dispatch-requests',
      title: 'tasks.requests',
      params: { state: 'handling,pending_dispatch', limit: LIMIT },
      keep: hasRequest,
    });
  }
  if (roles.has('department_handler'))
    queues.push({
      key: 'department',
      title: 'tasks.department',
      params: { mine: 'department', state: 'handling', limit: LIMIT },
    });
  if ([...roles].some((r) => FIELD_ROLE_SET.has(r)))
    queues.push({
      key: 'field',
      title: 'tasks.field',
      params: { state: 'verifying,checking', limit: LIMIT },
      keep: (v) =>
        (v.state === 'verifying' && v.assignedVerifierId === me.id) ||
        (v.state === 'checking' && v.assignedCheckerId === me.id),
    });
  return queues;
}

export interface TaskSection {
  queue: TaskQueue;
  items: CaseView[];
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => void;
}

/** Runs the user's task queues (refreshed every 30 s) and counts the distinct cases in them. */
export function useTasks(me: Pick<Me, 'id' | 'roles' | 'permissions'>): {
  sections: TaskSection[];
  count: number;
} {
  const queues = taskQueuesFor(me);
  const results = useQueries({
    queries: queues.map((q) => ({
      queryKey: caseKeys.list(q.params),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchCaseList(q.params, signal),
      refetchInterval: QUEUE_REFRESH_MS,
      staleTime: 10_000,
      meta: { silent: true },
    })),
  });
  const sections = queues.map((queue, i): TaskSection => {
    const r = results[i];
    const all = r?.data?.items ?? [];
    return {
      queue,
      items: queue.keep ? all.filter(queue.keep) : all,
      isPending: r?.isPending ?? true,
      isError: r?.isError ?? false,
      error: r?.error,
      refetch: () => void r?.refetch(),
    };
  });
  const ids = new Set(sections.flatMap((s) => s.items.map((c) => c.id)));
  return { sections, count: ids.size };
}
