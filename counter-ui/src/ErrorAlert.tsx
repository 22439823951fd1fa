import { errorText, useI18n } from '@luot/ui-shared/use-i18n';

interface Props {
  /** What a request failed with; `undefined` when nothing failed, and then nothing shows. */
  error: unknown;
  testId?: string;
  /** Added to `error-box`. */
  className?: string;
}

/** Why the last request of a form, dialog or list failed, read out to screen readers. */
export function ErrorAlert({ error, testId, className }: Props) {
  const { t } = useI18n();
  if (error === undefined) return null;
  return (
    <p
      className={className === undefined ? 'error-box' : `error-box ${className}`}
      role="alert"
      data-testid={testId}
    >
      {errorText(t, error)}
    </p>
  );
}
