import { useState, type FormEvent } from 'react';
import type { LoginRequest } from '@luot/contract';
import { errorText, useI18n } from '@luot/ui-shared/use-i18n';

interface Props {
  onLogin: (request: LoginRequest) => Promise<void>;
  initialError?: unknown;
}

/** Username and password; shows the server's reason when sign-in fails. */
export function LoginForm({ onLogin, initialError }: Props) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(initialError);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(undefined);
    try {
      await onLogin({ username: username.trim(), password });
    } catch (err) {
      setError(err);
      setPending(false);
    }
  }

  return (
    <form className="login card" onSubmit={(e) => void submit(e)}>
      <h2>{t('counter.signIn')}</h2>
      <label>
        {t('counter.username')}
        <input
          data-testid="login-username"
          autoComplete="username"
          autoCapitalize="none"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
      </label>
      <label>
        {t('counter.password')}
        <input
          data-testid="login-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      {error !== undefined && (
        <p className="error-box" role="alert" data-testid="login-error">
          {errorText(t, error)}
        </p>
      )}
      <button type="submit" className="btn" data-testid="login-submit" disabled={pending}>
        {t('counter.signIn')}
      </button>
    </form>
  );
}
