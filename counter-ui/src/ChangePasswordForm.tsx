import { useState, type FormEvent } from 'react';
import { errorText, useI18n } from '@luot/ui-shared/use-i18n';

/** Shortest password the server accepts (auth/passwords.ts). */
const MIN_LENGTH = 10;

interface Props {
  onChange: (currentPassword: string, newPassword: string) => Promise<void>;
  onCancel: () => Promise<void>;
}

/** The forced change of a generated password before any counter work. */
export function ChangePasswordForm({ onChange, onCancel }: Props) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const mismatch = confirm.length > 0 && next !== confirm;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending || mismatch) return;
    setPending(true);
    setError(undefined);
    try {
      await onChange(current, next);
    } catch (err) {
      setError(err);
      setPending(false);
    }
  }

  return (
    <form className="login card" onSubmit={(e) => void submit(e)} data-testid="change-password">
      <h2>{t('counter.changePassword')}</h2>
      <p>{t('counter.mustChangePassword')}</p>
      <label>
        {t('counter.currentPassword')}
        <input
          data-testid="password-current"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          required
        />
      </label>
      <label>
        {t('counter.newPassword', { min: MIN_LENGTH })}
        <input
          data-testid="password-new"
          type="password"
          autoComplete="new-password"
          minLength={MIN_LENGTH}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          required
        />
      </label>
      <label>
        {t('counter.confirmPassword')}
        <input
          data-testid="password-confirm"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          required
        />
      </label>
      {mismatch && <p className="error-box">{t('counter.passwordMismatch')}</p>}
      {error !== undefined && (
        <p className="error-box" role="alert">
          {errorText(t, error)}
        </p>
      )}
      <button
        type="submit"
        className="btn"
        data-testid="password-submit"
        disabled={pending || mismatch}
      >
        {t('counter.changePassword')}
      </button>
      <button type="button" className="btn btn-secondary" onClick={() => void onCancel()}>
        {t('counter.signOut')}
      </button>
    </form>
  );
}
