import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CategoryKind, CreateCategoryRequest, UpdateCategoryRequest } from '@wangge/shared';
import { api } from '../../lib/api-client';

/** Every query of the 分类字典 page; the case pages' category lists share the 'categories' root. */
export const dictionaryKeys = {
  all: ['categories'] as const,
  tree: (kind: CategoryKind, q: string) => ['categories', 'dictionary', kind, q] as const,
};

/** One kind's tree; a search keeps each hit's ancestors. */
export function useDictionaryTree(kind: CategoryKind, q: string) {
  return useQuery({
    queryKey: dictionaryKeys.tree(kind, q),
    queryFn: ({ signal }) =>
      api.get('/api/categories', {
        params: { query: { kind, view: 'tree', ...(q ? { q } : {}) } },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

function useDictionaryMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Refusals are shown at the form field they name.
    meta: { silent: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: dictionaryKeys.all }),
  });
}

export function useUpdateCategory() {
  return useDictionaryMutation(
    (v: { code: string; kind: CategoryKind; body: UpdateCategoryRequest }) =>
      api.patch('/api/categories/{code}', {
        params: { path: { code: v.code }, query: { kind: v.kind } },
        body: v.body,
      }),
  );
}

export function useCreateCategory() {
  return useDictionaryMutation((body: CreateCategoryRequest) =>
    api.post('/api/categories', { body }),
  );
}
