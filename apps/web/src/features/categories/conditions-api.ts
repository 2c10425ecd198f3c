import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateRegistrationConditionRequest } from '@wangge/shared';
import { api, type ApiQuery, type ApiResponse } from '../../lib/api-client';

/** Query of GET /api/registration-conditions (the 立结案标准 page's list). */
export type ConditionRowsQuery = ApiQuery<'/api/registration-conditions'>;
export type ConditionRow = ApiResponse<'/api/registration-conditions'>['items'][number];
export type ConditionVersion = ApiResponse<'/api/categories/{code}/conditions'>['items'][number];

export const conditionKeys = {
  // Shared with the case page's 立案条件 picker (cases/lookups-api.ts), so an edit shows there at once.
  all: ['categories', 'conditions'] as const,
  rows: (q: ConditionRowsQuery) => ['categories', 'conditions', 'rows', q] as const,
  history: (code: string) => ['categories', 'conditions', 'history', code] as const,
  audit: ['audit', 'registration_condition'] as const,
};

export function useConditionRows(query: ConditionRowsQuery) {
  return useQuery({
    queryKey: conditionKeys.rows(query),
    queryFn: ({ signal }) => api.get('/api/registration-conditions', { params: { query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every version of the class's conditions, closed ones included (the page picks one lineage). */
export function useConditionHistory(classCode: string | null) {
  return useQuery({
    queryKey: conditionKeys.history(classCode ?? ''),
    queryFn: ({ signal }) =>
      api.get('/api/categories/{code}/conditions', {
        params: { path: { code: classCode ?? '' }, query: { history: 'true' } },
        signal,
      }),
    enabled: classCode !== null,
  });
}

/** An edit closes the current version and answers the new one. */
export function useUpdateCondition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateRegistrationConditionRequest }) =>
      api.patch('/api/registration-conditions/{id}', { params: { path: { id } }, body }),
    // Errors are shown at the field that caused them.
    meta: { silent: true },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: conditionKeys.all });
      void client.invalidateQueries({ queryKey: conditionKeys.audit });
      void client.invalidateQueries({ queryKey: ['registration-conditions'] });
    },
  });
}

/** The latest audit entries of this table (the audit module's list, filtered by target type). */
export function useConditionAudit(enabled: boolean) {
  return useQuery({
    queryKey: conditionKeys.audit,
    queryFn: ({ signal }) =>
      api.get('/api/audit', {
        params: { query: { targetType: 'registration_condition', limit: 20 } },
        signal,
      }),
    enabled,
  });
}
