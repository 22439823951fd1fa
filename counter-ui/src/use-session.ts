import { useCallback, useEffect, useState } from 'react';
import type { LoginRequest, SessionResponse, StaffUser } from '@luot/contract';
import { ApiRequestError, apiGet, apiPost } from '@luot/ui-shared/api';
import { resetSocket } from '@luot/ui-shared/socket';

/** Whether a clerk is signed in on this browser. */
export type Session =
  | { status: 'loading' }
  | { status: 'signed-out'; error?: unknown }
  | { status: 'signed-in'; user: StaffUser };

/** The staff session: checked on load (`/api/auth/me`), then signed in and out here. */
export function useSession() {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    apiGet<SessionResponse>('/api/auth/me').then(
      ({ user }) => {
        if (current) setSession({ status: 'signed-in', user });
      },
      (error: unknown) => {
        if (!current) return;
        const expected = error instanceof ApiRequestError && error.code === 'unauthenticated';
        setSession(expected ? { status: 'signed-out' } : { status: 'signed-out', error });
      },
    );
    return () => {
      current = false;
    };
  }, []);

  const login = useCallback(async (request: LoginRequest) => {
    const { user } = await apiPost<SessionResponse>('/api/auth/login', request);
    // The socket's identity is its handshake's cookie: reconnect so it is this session's.
    resetSocket();
    setSession({ status: 'signed-in', user });
  }, []);

  const logout = useCallback(async () => {
    await apiPost<unknown>('/api/auth/logout');
    resetSocket();
    setSession({ status: 'signed-out' });
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    const { user } = await apiPost<SessionResponse>('/api/auth/change-password', {
      currentPassword,
      newPassword,
    });
    resetSocket();
    setSession({ status: 'signed-in', user });
  }, []);

  /** The server no longer knows the session (expired, or signed out elsewhere). */
  const expire = useCallback(() => setSession({ status: 'signed-out' }), []);

  return { session, login, logout, expire, changePassword };
}
