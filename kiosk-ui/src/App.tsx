import { useState } from 'react';
import type { Service } from '@luot/contract';
import { Clock } from '@luot/ui-shared/Clock';
import { LanguageToggle } from '@luot/ui-shared/LanguageToggle';
import { setLanguage, useI18n } from '@luot/ui-shared/use-i18n';
import { useQueueState } from '@luot/ui-shared/use-queue-state';
import { IssuedTicket } from './IssuedTicket';
import { PriorityPicker } from './PriorityPicker';
import { ServiceMenu } from './ServiceMenu';
import { useIssueTicket } from './use-issue-ticket';

/** The kiosk: choose a service, say whether you have priority, get a number. */
export function App() {
  const { t, lang } = useI18n();
  const { state, connection } = useQueueState();
  const { state: issue, issue: issueTicket, retry, reset } = useIssueTicket();
  const [selected, setSelected] = useState<Service | null>(null);

  function backToMenu() {
    reset();
    setSelected(null);
    // The next visitor starts in Vietnamese, whatever the last one chose.
    setLanguage('vi');
  }

  function body() {
    if (issue.status === 'issued' && selected) {
      return (
        <IssuedTicket
          result={issue.response}
          service={selected}
          priorityClasses={state?.centre.priorityClasses ?? []}
          onDone={backToMenu}
        />
      );
    }
    if (selected) {
      return (
        <PriorityPicker
          service={selected}
          priorityClasses={state?.centre.priorityClasses ?? []}
          issue={issue}
          onChoose={(priorityClass) => void issueTicket(selected.id, priorityClass)}
          onRetry={retry}
          onBack={backToMenu}
        />
      );
    }
    if (state === null) return <div className="loading">{t('app.loading')}</div>;
    return <ServiceMenu services={state.services} onChoose={setSelected} />;
  }

  return (
    <div className="kiosk">
      <header className="app-header">
        <h1>
          {t('app.centre')}
          <span className="subtitle">{t('app.name')}</span>
        </h1>
        <LanguageToggle />
        <Clock lang={lang} seconds={false} />
      </header>
      {connection === 'offline' && (
        <div className="banner banner-offline" role="alert">
          {t('display.offline')}
        </div>
      )}
      <main className="kiosk-main">{body()}</main>
    </div>
  );
}
