import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest, LoginRequest, Me, SessionResponse } from '@wangge/shared';
import { api, isApiError, setCsrfToken } from '../../lib/api-client';

/** The session query: the signed-in user, or null when nobody is signed in. */
export const sessionKey = ['session'] as const;

async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await api.get('/api/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (err) {
    if (isApiError(err) && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
}

/** The signed-in user. Only for components rendered behind RequireAuth. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data) throw new Error('useMe without a session');
  return data.user;
}

export function useHasPermission(permission: string): boolean {
  const { data } = useSession();
  return data?.user.permissions.includes(permission) ?? false;
}

/** Forgets everything cached for the previous user and marks the session as gone. */
export function dropSession(client: QueryClient): void {
  setCsrfToken(null);
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  client.setQueryData(sessionKey, null);
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.post('/api/auth/login', { body }),
    // A wrong password answers 401; that must not be mistaken for an expired session.
    meta: { skipAuthRedirect: true },
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      client.setQueryData(sessionKey, session);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    meta: { silent: true },
    onSettled: () => dropSession(client),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api.post('/api/auth/password', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useDemoAccounts() {
  return useQuery({
    queryKey: ['demo-accounts'],
    queryFn: () => api.get('/api/demo-accounts'),
    staleTime: Infinity,
    meta: { silent: true },
  });
}
