import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Counter, CounterResponse, StaffUser } from '@luot/contract';
import { ApiRequestError, apiPost } from '@luot/ui-shared/api';
import { AppHeader } from '@luot/ui-shared/AppHeader';
import { OfflineBanner } from '@luot/ui-shared/OfflineBanner';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { useQueueState } from '@luot/ui-shared/use-queue-state';
import { CounterPicker } from './CounterPicker';
import { ErrorAlert } from './ErrorAlert';
import { LoginForm } from './LoginForm';
import {
  rememberCounterId,
  rememberNumpadMode,
  rememberedCounterId,
  rememberedNumpadMode,
} from './remembered';
import { useSession } from './use-session';

// The desk is not needed to sign in: it loads with the signed-in workspace, and stays.
const CounterDesk = lazy(() => import('./CounterDesk').then((m) => ({ default: m.CounterDesk })));

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

/**
 * A signed-in clerk: the counter picker until a counter is taken, then the desk. The
 * counter the clerk holds is resumed; failing that, the one last chosen on this PC is
 * taken again when it is free.
 */
function Workspace({ user, onLogout, onExpired }: WorkspaceProps) {
  const { t } = useI18n();
  const { state, connection } = useQueueState();
  // undefined: not chosen on this page yet, so resume the counter the clerk already holds.
  const [chosenId, setChosenId] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [leaving, setLeaving] = useState(false);
  const [numpad, setNumpad] = useState(rememberedNumpadMode);
  const resumeTried = useRef(false);
  // Fetch the desk as soon as the clerk is in, so it shows even if the network goes later.
  useEffect(() => {
    import('./CounterDesk').catch(() => undefined);
  }, []);

  const held = state?.counters.find((c) => c.staff?.id === user.id);
  const counterId = chosenId === undefined ? (held?.id ?? null) : chosenId;
  const counter = state?.counters.find((c) => c.id === counterId);

  const shownId = counter?.id;
  useEffect(() => {
    if (shownId !== undefined) rememberCounterId(shownId);
  }, [shownId]);

  // The desk's counter gone from the state (an admin took it out of service, signing the
  // clerk out of it): say so over the picker rather than drop to it without a word.
  // Adjusted while rendering, from the counter shown before (React's pattern for it).
  const [lastShown, setLastShown] = useState<number | undefined>(undefined);
  const [deactivated, setDeactivated] = useState(false);
  if (state !== null && shownId !== lastShown) {
    setLastShown(shownId);
    setDeactivated(
      shownId === undefined &&
        lastShown !== undefined &&
        !state.counters.some((c) => c.id === lastShown),
    );
  }

  // Once the state is known: take this PC's counter again if the clerk holds none and it is free.
  useEffect(() => {
    if (state === null || resumeTried.current || chosenId !== undefined || held) return;
    resumeTried.current = true;
    const remembered = state.counters.find((c) => c.id === rememberedCounterId());
    if (!remembered || remembered.staff !== null) return;
    apiPost<CounterResponse>(`/api/counters/${remembered.id}/sign-in`).then(
      ({ counter: taken }) => setChosenId(taken.id),
      (err: unknown) => {
        setError(err);
        onError(err);
      },
    );
  });

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
      // Leaving the counter forgets it here; signing out at the end of the day keeps it.
      if (!thenLogout) rememberCounterId(null);
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
          <label className="switch" data-testid="numpad-mode">
            <input
              type="checkbox"
              role="switch"
              checked={numpad}
              onChange={(e) => {
                setNumpad(e.target.checked);
                rememberNumpadMode(e.target.checked);
              }}
            />
            <span className="switch-track" aria-hidden="true" />
            {t('counter.numpadMode')}
          </label>
        )}
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
      {deactivated && !counter && (
        <p className="error-box" role="alert" data-testid="counter-deactivated">
          {t('counter.counterDeactivated')}
        </p>
      )}
      {state === null ? (
        <div className="loading">{t('app.loading')}</div>
      ) : counter ? (
        <Suspense fallback={<div className="loading">{t('app.loading')}</div>}>
          <CounterDesk
            state={state}
            counter={counter}
            staffId={user.id}
            connection={connection}
            showFailedPrints={user.role !== 'clerk'}
            numpad={numpad}
            onError={onError}
          />
        </Suspense>
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
