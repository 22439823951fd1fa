import { useEffect, useEffectEvent } from 'react';
import type { PriorityClass, PriorityClassOption, Service } from '@luot/contract';
import { priorityLabel } from '@luot/ui-shared/contract';
import { serviceName } from '@luot/ui-shared/format';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { isRefusal, issueFailureText, type IssueState } from './use-issue-ticket';

/** A visitor who walks away from this screen leaves it for the next one after this long. */
const IDLE_RETURN_MS = 60000;

interface Props {
  service: Service;
  priorityClasses: PriorityClassOption[];
  issue: IssueState;
  onChoose: (priorityClass: PriorityClass | null) => void;
  onRetry: () => void;
  onBack: () => void;
}

/** Asks whether the visitor belongs to a priority class, then takes the number. */
export function PriorityPicker({
  service,
  priorityClasses,
  issue,
  onChoose,
  onRetry,
  onBack,
}: Props) {
  const { t, lang } = useI18n();
  const pending = issue.status === 'pending';
  // The server refused this service (closed, cut-off, cap): another tap would be refused too.
  const refused = issue.status === 'failed' && isRefusal(issue.error);

  const leave = useEffectEvent(onBack);
  useEffect(() => {
    if (pending) return;
    const timer = setTimeout(() => leave(), IDLE_RETURN_MS);
    return () => clearTimeout(timer);
  }, [pending, issue.status]);

  return (
    <section className="priority">
      <p className="priority-service">
        <span className="service-prefix">{service.prefix}</span>
        {serviceName(service, lang)}
      </p>
      <h2 className="kiosk-title">{t('kiosk.priorityQuestion')}</h2>
      <button
        type="button"
        className="btn priority-none"
        data-testid="priority-none"
        disabled={pending || refused}
        onClick={() => onChoose(null)}
      >
        {t('kiosk.priorityNone')}
      </button>
      <div className="priority-grid">
        {priorityClasses.map((option) => (
          <button
            key={option.code}
            type="button"
            className="btn btn-secondary priority-option"
            data-testid={`priority-${option.code}`}
            disabled={pending || refused}
            onClick={() => onChoose(option.code)}
          >
            {priorityLabel(priorityClasses, option.code, lang)}
          </button>
        ))}
      </div>
      {pending && (
        <p className="kiosk-status" role="status">
          {t('kiosk.issuing')}
        </p>
      )}
      {issue.status === 'failed' && (
        <div className="kiosk-error" role="alert">
          <p className="error-box" data-testid="kiosk-error">
            {issueFailureText(t, issue.error)}
          </p>
          {!refused && (
            <button type="button" className="btn" data-testid="kiosk-retry" onClick={onRetry}>
              {t('app.retry')}
            </button>
          )}
        </div>
      )}
      <button
        type="button"
        className="btn btn-secondary kiosk-back"
        data-testid="kiosk-back"
        disabled={pending}
        onClick={onBack}
      >
        {t('kiosk.back')}
      </button>
    </section>
  );
}
