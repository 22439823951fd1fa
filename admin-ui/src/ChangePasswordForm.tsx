import { useState } from 'react';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert, Field, useAction } from './form';

/** Shortest password the server accepts (auth/passwords.ts). */
const MIN_LENGTH = 10;

interface Props {
  onChange: (currentPassword: string, newPassword: string) => Promise<void>;
  onCancel: () => Promise<void>;
}

/** The forced change of a generated password before anything else. */
export function ChangePasswordForm({ onChange, onCancel }: Props) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = confirm.length > 0 && next !== confirm;
  const { pending, error, submit } = useAction();

  return (
    <form
      noValidate
      className="card admin-login"
      data-testid="change-password"
      onSubmit={submit(async () => {
        if (mismatch) throw t('admin.passwordMismatch');
        await onChange(current, next);
      })}
    >
      <h2>{t('admin.changePassword')}</h2>
      <p>{t('admin.mustChangePassword')}</p>
      <Field
        label={t('admin.currentPassword')}
        testId="password-current"
        type="password"
        autoComplete="current-password"
        required
        maxLength={1000}
        value={current}
        onChange={setCurrent}
      />
      <Field
        label={t('admin.newPassword', { min: MIN_LENGTH })}
        testId="password-new"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_LENGTH}
        maxLength={1000}
        value={next}
        onChange={setNext}
      />
      <Field
        label={t('admin.confirmPassword')}
        testId="password-confirm"
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={setConfirm}
      />
      {mismatch && <p className="error-box">{t('admin.passwordMismatch')}</p>}
      <ErrorAlert error={error} />
      <button
        type="submit"
        className="btn"
        data-testid="password-submit"
        disabled={pending || mismatch}
      >
        {t('admin.changePassword')}
      </button>
      <button type="button" className="btn btn-secondary" onClick={() => void onCancel()}>
        {t('admin.signOut')}
      </button>
    </form>
  );
}
