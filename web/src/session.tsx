/**
 * Who is signed in, and what their role lets them do. Every page asks `can(action)` before
 * offering a step, from the same permission table the server enforces, so that no one is
 * shown a button the server would refuse.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, whenSignedOut, type Schemas } from './api/client';
import { may, type Action, type Role } from './domain';

export type User = Schemas['User'];

interface SessionState {
  /** `undefined` while the first check runs; `null` when no one is signed in. */
  readonly user: User | null | undefined;
  readonly role: Role | undefined;
  readonly can: (action: Action) => boolean;
  readonly signedIn: (user: User) => void;
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void api.GET('/sessions/current').then(({ data }) => {
      if (live) setUser(data?.user ?? null);
    });
    whenSignedOut(() => {
      setUser(null);
    });
    return () => {
      live = false;
      whenSignedOut(undefined);
    };
  }, []);

  const signOut = useCallback(async () => {
    await api.DELETE('/sessions/current');
    setUser(null);
  }, []);

  const value = useMemo<SessionState>(
    () => ({
      user,
      role: user?.role,
      can: (action) => (user ? may(user.role, action) : false),
      signedIn: setUser,
      signOut,
    }),
    [user, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; pages under the signed-in layout only. */
export function useUser(): User & { readonly can: (action: Action) => boolean } {
  const { user, can } = useSession();
  if (user === null || user === undefined) throw new Error('useUser without a signed-in user');
  return { ...user, can };
}
