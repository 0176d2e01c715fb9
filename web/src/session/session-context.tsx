import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  probeCookieSession,
  resumePendingSession,
  signInWithToken,
  signOut as endSession,
  storedToken,
  type SessionProbe,
  type SignInStep,
  type StaffSession,
} from '../api/auth.ts';
import { api } from '../api/client.ts';

export type PendingStep = Exclude<SignInStep, 'active'>;

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; passwordLogin: boolean; pendingStep: PendingStep | null }
  | { status: 'signed-in'; session: StaffSession; passwordLogin: boolean; expired: boolean };

interface SessionApi {
  state: SessionState;
  session: StaffSession | null;
  signInToken: (token: string) => Promise<void>;
  /** After the last sign-in step: reads the session and enters the app. False if none is active. */
  completeSignIn: () => Promise<boolean>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

async function freshCsrfToken(): Promise<string | null> {
  const probe = await probeCookieSession();
  return probe.kind === 'active' ? probe.csrfToken : null;
}

const passwordLoginOf = (current: SessionState) => current.status !== 'loading' && current.passwordLogin;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const adopt = useCallback((probe: SessionProbe & { kind: 'active' }) => {
    api.setCredentials({ kind: 'session', csrfToken: probe.csrfToken });
    setState({ status: 'signed-in', session: probe.session, passwordLogin: true, expired: false });
  }, []);

  useEffect(() => {
    api.onCsrfRefresh(freshCsrfToken);
    // A 401 on any request while signed in means the session ended under us: ask to sign in again
    // over the page instead of leaving it, so nothing typed is lost.
    api.onUnauthenticated(() =>
      setState((current) => (current.status === 'signed-in' ? { ...current, expired: true } : current)),
    );
    let cancelled = false;
    void (async () => {
      const probe = await probeCookieSession();
      if (cancelled) return;
      if (probe.kind === 'active') return adopt(probe);
      const passwordLogin = probe.kind === 'pending' || probe.passwordLogin;
      const token = storedToken();
      if (token) {
        try {
          const session = await signInWithToken(token);
          if (!cancelled) setState({ status: 'signed-in', session, passwordLogin, expired: false });
          return;
        } catch {
          // A revoked or stale token: show the sign-in page.
        }
      }
      if (cancelled) return;
      if (probe.kind === 'pending') resumePendingSession(probe.csrfToken);
      setState({
        status: 'signed-out',
        passwordLogin,
        pendingStep: probe.kind === 'pending' ? probe.step : null,
      });
    })();
    return () => {
      cancelled = true;
      api.onUnauthenticated(null);
      api.onCsrfRefresh(null);
    };
  }, [adopt]);

  const signInToken = useCallback(async (token: string) => {
    const session = await signInWithToken(token);
    setState((current) => ({
      status: 'signed-in',
      session,
      passwordLogin: passwordLoginOf(current),
      expired: false,
    }));
  }, []);

  const completeSignIn = useCallback(async () => {
    const probe = await probeCookieSession();
    if (probe.kind !== 'active') return false;
    adopt(probe);
    return true;
  }, [adopt]);

  const signOut = useCallback(async () => {
    await endSession(state.status === 'signed-in' ? state.session : null);
    setState((current) => ({
      status: 'signed-out',
      passwordLogin: passwordLoginOf(current),
      pendingStep: null,
    }));
  }, [state]);

  const value = useMemo<SessionApi>(
    () => ({
      state,
      session: state.status === 'signed-in' ? state.session : null,
      signInToken,
      completeSignIn,
      signOut,
    }),
    [state, signInToken, completeSignIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
