import { lazy, Suspense, useState } from 'react';
import type { Counter, CounterResponse, StaffUser } from '@luot/contract';
import { ApiRequestError, apiPost } from '@luot/ui-shared/api';
import { AppHeader } from '@luot/ui-shared/AppHeader';
import { OfflineBanner } from '@luot/ui-shared/OfflineBanner';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { useQueueState } from '@luot/ui-shared/use-queue-state';
import { CounterDesk } from './CounterDesk';
import { CounterPicker } from './CounterPicker';
import { ErrorAlert } from './ErrorAlert';
import { LoginForm } from './LoginForm';
import { useSession } from './use-session';

// Only a first sign-in needs it, so it loads then.
const ChangePasswordForm = lazy(() =>
  import('./ChangePasswordForm').then((m) => ({ default: m.ChangePasswordForm })),
);

/** The clerk's screen: sign in, take a counter, call and serve numbers. */
export function App() {
  const { t } = useI18n();
  const { session, login, logout, expire, changePassword } = useSession();
  const user = session.status === 'signed-in' ? session.user : null;

  return (
    <div className="counter-app">
      <AppHeader
        title={t('counter.title')}
        subtitle={user && t('counter.signedInAs', { name: user.displayName })}
        languageToggle
        clock="minutes"
      />
      <main className="counter-main">
        {session.status === 'loading' && <div className="loading">{t('app.loading')}</div>}
        {session.status === 'signed-out' && (
          <LoginForm onLogin={login} initialError={session.error} />
        )}
        {user?.mustChangePassword && (
          <Suspense fallback={<div className="loading">{t('app.loading')}</div>}>
            <ChangePasswordForm onChange={changePassword} onCancel={logout} />
          </Suspense>
        )}
        {user && !user.mustChangePassword && (
          <Workspace user={user} onLogout={logout} onExpired={expire} />
        )}
      </main>
    </div>
  );
}

interface WorkspaceProps {
  user: StaffUser;
  onLogout: () => Promise<void>;
  onExpired: () => void;
}

/** A signed-in clerk: the counter picker until a counter is taken, then the desk. */
function Workspace({ user, onLogout, onExpired }: WorkspaceProps) {
  const { t } = useI18n();
  const { state, connection } = useQueueState();
  // undefined: not chosen on this page yet, so resume the counter the clerk already holds.
  const [chosenId, setChosenId] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [leaving, setLeaving] = useState(false);

  const held = state?.counters.find((c) => c.staff?.id === user.id);
  const counterId = chosenId === undefined ? (held?.id ?? null) : chosenId;
  const counter = state?.counters.find((c) => c.id === counterId);

  function onError(err: unknown) {
    if (!(err instanceof ApiRequestError)) return;
    if (err.code === 'unauthenticated') onExpired();
    if (err.code === 'not_your_counter') setChosenId(null);
  }

  async function leave(thenLogout: boolean) {
    setLeaving(true);
    setError(undefined);
    try {
      if (counter) await apiPost<CounterResponse>(`/api/counters/${counter.id}/sign-out`);
      setChosenId(null);
      if (thenLogout) await onLogout();
    } catch (err) {
      setError(err);
      onError(err);
    } finally {
      setLeaving(false);
    }
  }

  return (
    <>
      {connection === 'offline' && <OfflineBanner />}
      <div className="toolbar">
        {counter && (
          <span className="toolbar-counter" data-testid="my-counter">
            <span className="picker-number">{counter.number}</span>
            {counter.name}
          </span>
        )}
        <span className="toolbar-spacer" />
        {counter && (
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="leave-counter"
            disabled={leaving}
            onClick={() => void leave(false)}
          >
            {t('counter.leaveCounter')}
          </button>
        )}
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="sign-out"
          disabled={leaving}
          onClick={() => void leave(true)}
        >
          {t('counter.signOut')}
        </button>
      </div>
      <ErrorAlert error={error} />
      {state === null ? (
        <div className="loading">{t('app.loading')}</div>
      ) : counter ? (
        <CounterDesk
          state={state}
          counter={counter}
          showFailedPrints={user.role !== 'clerk'}
          onError={onError}
        />
      ) : (
        <CounterPicker
          state={state}
          user={user}
          onTaken={(taken: Counter) => setChosenId(taken.id)}
          onError={onError}
        />
      )}
    </>
  );
}
