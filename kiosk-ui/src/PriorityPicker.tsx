import type { PriorityClass, PriorityClassOption, Service } from '@luot/contract';
import { serviceName } from '@luot/ui-shared/format';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { PriorityIcon } from './PriorityIcon';
import { isRefusal, issueFailureText, type IssueState } from './use-issue-ticket';

interface Props {
  service: Service;
  priorityClasses: PriorityClassOption[];
  issue: IssueState;
  onChoose: (priorityClass: PriorityClass | null) => void;
  onRetry: () => void;
  onBack: () => void;
}

/**
 * Asks whether the visitor belongs to a priority class, each shown with a drawing and its
 * name (English under the Vietnamese when the page is in English), then takes the number.
 */
export default function PriorityPicker({
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
            <PriorityIcon code={option.code} />
            <span className="priority-words">
              <span lang="vi">{option.name}</span>
              {lang === 'en' && option.nameEn && (
                <span className="priority-word-en" lang="en">
                  {option.nameEn}
                </span>
              )}
            </span>
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
