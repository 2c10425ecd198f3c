import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateDispatchRuleRequest, UpdateDispatchRuleRequest } from '@wangge/shared';
import { api, type ApiQuery } from '../../lib/api-client';

/** Query parameters of GET /api/dispatch-rules and of GET /api/dispatch-rules/gaps. */
export type DispatchRuleParams = ApiQuery<'/api/dispatch-rules'>;
export type DispatchGapParams = ApiQuery<'/api/dispatch-rules/gaps'>;

export const dispatchKeys = {
  all: ['dispatch-rules'] as const,
  list: (p: DispatchRuleParams) => ['dispatch-rules', 'list', p] as const,
  gaps: (p: DispatchGapParams) => ['dispatch-rules', 'gaps', p] as const,
};

export function useDispatchRules(params: DispatchRuleParams) {
  return useQuery({
    queryKey: dispatchKeys.list(params),
    queryFn: ({ signal }) => api.get('/api/dispatch-rules', { params: { query: params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** 未配置主责部门 report (小类 × 街道 without a primary dispatch rule). */
export function useDispatchGaps(params: DispatchGapParams) {
  return useQuery({
    queryKey: dispatchKeys.gaps(params),
    queryFn: ({ signal }) =>
      api.get('/api/dispatch-rules/gaps', { params: { query: params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A rule change moves suggestions and gaps: every matrix query is refetched. */
function useRuleMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { silent: true },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: dispatchKeys.all });
      void client.invalidateQueries({ queryKey: ['dispatch-suggest'] });
    },
  });
}

export function useCreateRule() {
  return useRuleMutation((body: CreateDispatchRuleRequest) =>
    api.post('/api/dispatch-rules', { body }),
  );
}

export function useUpdateRule() {
  return useRuleMutation((v: { id: string; body: UpdateDispatchRuleRequest }) =>
    api.patch('/api/dispatch-rules/{id}', { params: { path: { id: v.id } }, body: v.body }),
  );
}
