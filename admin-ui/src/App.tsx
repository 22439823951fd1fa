import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { LoginRequest, SessionResponse, StaffUser, StateSnapshot } from '@luot/contract';
import { ApiRequestError, apiGet, apiPost } from '@luot/ui-shared/api';
import { AppHeader } from '@luot/ui-shared/AppHeader';
import { noteCentreZone } from '@luot/ui-shared/centre-zone';
import { noteServerTime } from '@luot/ui-shared/server-time';
import { useI18n, type Translate } from '@luot/ui-shared/use-i18n';
import { ErrorAlert, Field, useAction } from './form';
import { PAGES, pageFromPath, pagesFor, type PageId } from './pages';

// Only a first sign-in needs it, so it loads then.
const ChangePasswordForm = lazy(() =>
  import('./ChangePasswordForm').then((m) => ({ default: m.ChangePasswordForm })),
);

type Session =
  | { status: 'loading' }
  | { status: 'signed-out'; error?: unknown }
  | { status: 'signed-in'; user: StaffUser };

/**
 * Reads the centre's zone and the server's clock once, on every page: the header clock and
 * the times pages show (devices last seen, audit rows, alerts) are the centre's, as on the
 * kiosk and the hall display, whatever zone the office PC is set to.
 */
function useCentreClock(): void {
  const [, setKnown] = useState(false);
  useEffect(() => {
    let current = true;
    apiGet<StateSnapshot>('/api/state').then(
      (snapshot) => {
        noteServerTime(snapshot.serverTime);
        noteCentreZone(snapshot.centre.timeZone);
        if (current) setKnown(true);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
}

/**
 * Who is signed in, for the header: "name · role", or the role alone when the name is the
 * role's (the first admin is called "Quản trị viên", as the role is).
 */
function signedInAs(t: Translate, user: Pick<StaffUser, 'displayName' | 'role'>): string {
  const role = t(`admin.role.${user.role}`);
  const same = (a: string) => a.normalize('NFC').trim().toLocaleLowerCase('vi');
  return same(user.displayName) === same(role)
    ? role
    : t('admin.signedInAs', { name: user.displayName, role });
}

/** The administration app: sign in, then the pages the role may use. */
export function App() {
  const { t } = useI18n();
  const [session, setSession] = useState<Session>({ status: 'loading' });
  useCentreClock();

  useEffect(() => {
    let current = true;
    apiGet<SessionResponse>('/api/auth/me').then(
      ({ user }) => current && setSession({ status: 'signed-in', user }),
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
    setSession({ status: 'signed-in', user });
  }, []);
  const logout = useCallback(async () => {
    await apiPost<unknown>('/api/auth/logout');
    setSession({ status: 'signed-out' });
  }, []);
  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    const { user } = await apiPost<SessionResponse>('/api/auth/change-password', {
      currentPassword,
      newPassword,
    });
    setSession({ status: 'signed-in', user });
  }, []);

  const user = session.status === 'signed-in' ? session.user : null;
  return (
    <div className="admin-app">
      <AppHeader
        title={t('admin.title')}
        subtitle={user && signedInAs(t, user)}
        languageToggle
        clock="minutes"
      />
      {session.status === 'loading' && (
        <main className="admin-centred">
          <div className="loading">{t('app.loading')}</div>
        </main>
      )}
      {session.status === 'signed-out' && (
        <main className="admin-centred">
          <LoginForm onLogin={login} initialError={session.error} />
        </main>
      )}
      {user?.mustChangePassword && (
        <main className="admin-centred">
          <Suspense fallback={<div className="loading">{t('app.loading')}</div>}>
            <ChangePasswordForm onChange={changePassword} onCancel={logout} />
          </Suspense>
        </main>
      )}
      {user && !user.mustChangePassword && user.role === 'clerk' && (
        <main className="admin-centred">
          <div className="card admin-refused" data-testid="admin-refused">
            <p>{t('admin.notAllowed')}</p>
            <a className="btn" href="/counter">
              {t('admin.goToCounter')}
            </a>
            <button type="button" className="btn btn-secondary" onClick={() => void logout()}>
              {t('admin.signOut')}
            </button>
          </div>
        </main>
      )}
      {user && !user.mustChangePassword && user.role !== 'clerk' && (
        <Workspace user={user} onLogout={logout} />
      )}
    </div>
  );
}

function LoginForm({
  onLogin,
  initialError,
}: {
  onLogin: (request: LoginRequest) => Promise<void>;
  initialError?: unknown;
}) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { pending, error, submit } = useAction();
  return (
    <form
      noValidate
      className="card admin-login"
      onSubmit={submit(() => onLogin({ username: username.trim(), password }))}
    >
      <h2>{t('admin.signIn')}</h2>
      <Field
        label={t('admin.username')}
        testId="login-username"
        autoComplete="username"
        autoCapitalize="none"
        required
        maxLength={64}
        value={username}
        onChange={setUsername}
      />
      <Field
        label={t('admin.password')}
        testId="login-password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={1000}
        value={password}
        onChange={setPassword}
      />
      <ErrorAlert error={error ?? initialError} testId="login-error" />
      <button type="submit" className="btn" data-testid="login-submit" disabled={pending}>
        {t('admin.signIn')}
      </button>
    </form>
  );
}

/** Which page the address names, kept in step with the browser's history. */
function usePage(allowed: readonly PageId[]): [PageId, (page: PageId) => void] {
  const [page, setPage] = useState<PageId>(() => pageFromPath(location.pathname, allowed));
  useEffect(() => {
    const onPop = () => setPage(pageFromPath(location.pathname, allowed));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [allowed]);
  const go = useCallback((next: PageId) => {
    history.pushState(null, '', `/admin/${next}`);
    setPage(next);
  }, []);
  return [page, go];
}

function Workspace({ user, onLogout }: { user: StaffUser; onLogout: () => Promise<void> }) {
  const { t } = useI18n();
  const allowed = pagesFor(user.role);
  const [page, go] = usePage(allowed);
  const Page = PAGES[page].component;
  return (
    <div className="admin-layout">
      <nav className="admin-nav" aria-label={t('admin.nav.label')}>
        <ul>
          {allowed.map((id) => (
            <li key={id}>
              <a
                href={`/admin/${id}`}
                data-testid={`nav-${id}`}
                aria-current={id === page ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  go(id);
                }}
              >
                {t(PAGES[id].title)}
              </a>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="sign-out"
          onClick={() => void onLogout()}
        >
          {t('admin.signOut')}
        </button>
      </nav>
      <main className="admin-main" data-testid={`page-${page}`}>
        <Suspense fallback={<div className="loading">{t('app.loading')}</div>}>
          <Page user={user} />
        </Suspense>
      </main>
    </div>
  );
}
