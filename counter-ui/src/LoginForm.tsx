import { useState } from 'react';
import type { LoginRequest } from '@luot/contract';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert } from './ErrorAlert';
import { FormField, useFormSubmit } from './FormField';

interface Props {
  onLogin: (request: LoginRequest) => Promise<void>;
  initialError?: unknown;
}

/** Username and password; shows the server's reason when sign-in fails. */
export function LoginForm({ onLogin, initialError }: Props) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { pending, error, submit } = useFormSubmit(
    () => onLogin({ username: username.trim(), password }),
    initialError,
  );

  return (
    <form className="login card" onSubmit={(e) => void submit(e)}>
      <h2>{t('counter.signIn')}</h2>
      <FormField
        label={t('counter.username')}
        testId="login-username"
        autoComplete="username"
        autoCapitalize="none"
        value={username}
        onChange={setUsername}
      />
      <FormField
        label={t('counter.password')}
        testId="login-password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
      />
      <ErrorAlert error={error} testId="login-error" />
      <button type="submit" className="btn" data-testid="login-submit" disabled={pending}>
        {t('counter.signIn')}
      </button>
    </form>
  );
}
