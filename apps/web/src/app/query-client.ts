import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-client';
import { notifyError } from '../lib/notify';
import { dropSession, sessionKey } from '../features/auth/api';

/** Per-query switches for the global error handling below. */
interface AppMeta extends Record<string, unknown> {
  /** Do not toast the error (the component shows it itself). */
  silent?: boolean;
  /** A 401 here is an answer (wrong password), not an expired session. */
  skipAuthRedirect?: boolean;
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: AppMeta;
    mutationMeta: AppMeta;
  }
}

export function createQueryClient(): QueryClient {
  const handleError = (err: unknown, meta: AppMeta | undefined): void => {
    if (isApiError(err)) {
      if (err.status === 401 && !meta?.skipAuthRedirect) {
        // Session expired or revoked: RequireAuth sees the null session and shows the login page.
        dropSession(client);
        return;
      }
      if (err.code === 'password_change_required') {
        void client.invalidateQueries({ queryKey: sessionKey });
        return;
      }
    }
    if (meta?.silent) return;
    notifyError(err instanceof Error ? err.message : String(err));
  };

  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (err, query) => handleError(err, query.meta) }),
    mutationCache: new MutationCache({
      onError: (err, _vars, _ctx, mutation) => handleError(err, mutation.meta),
    }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // Client errors (4xx) will not fix themselves; network and 5xx get two more tries.
        retry: (count, err) =>
          !(isApiError(err) && err.status >= 400 && err.status < 500) && count < 2,
      },
    },
  });
  return client;
}
