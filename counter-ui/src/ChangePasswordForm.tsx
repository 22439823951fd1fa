import { useState } from 'react';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert } from './ErrorAlert';
import { FormField, useFormSubmit } from './FormField';

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
  const mismatch = confirm.length > 0 && next !== confirm;
  const { pending, error, submit } = useFormSubmit(() => onChange(current, next));

  return (
    <form
      className="login card"
      onSubmit={(e) => void submit(e, mismatch)}
      data-testid="change-password"
    >
      <h2>{t('counter.changePassword')}</h2>
      <p>{t('counter.mustChangePassword')}</p>
      <FormField
        label={t('counter.currentPassword')}
        testId="password-current"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
      />
      <FormField
        label={t('counter.newPassword', { min: MIN_LENGTH })}
        testId="password-new"
        type="password"
        autoComplete="new-password"
        minLength={MIN_LENGTH}
        value={next}
        onChange={setNext}
      />
      <FormField
        label={t('counter.confirmPassword')}
        testId="password-confirm"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={setConfirm}
      />
      {mismatch && <p className="error-box">{t('counter.passwordMismatch')}</p>}
      <ErrorAlert error={error} />
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
