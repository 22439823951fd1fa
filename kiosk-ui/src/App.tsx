import { useState } from 'react';
import type { Service } from '@luot/contract';
import { Clock } from '@luot/ui-shared/Clock';
import { LanguageToggle } from '@luot/ui-shared/LanguageToggle';
import { setLanguage, useI18n } from '@luot/ui-shared/use-i18n';
import { kioskPrinter, printerFault } from '@luot/ui-shared/printers';
import { useQueueState } from '@luot/ui-shared/use-queue-state';
import { IssuedTicket } from './IssuedTicket';
import { PrinterBanner } from './PrinterBanner';
import { PriorityPicker } from './PriorityPicker';
import { ServiceMenu } from './ServiceMenu';
import { useIssueTicket } from './use-issue-ticket';

/**
 * This kiosk's paired device id. The kiosk page does not know it yet (pairing is a
 * server-side cookie), so it watches the default printer, which prints unpaired kiosks'
 * tickets.
 */
const DEVICE_ID: number | null = null;

/** The kiosk: choose a service, say whether you have priority, get a number. */
export function App() {
  const { t, lang } = useI18n();
  const { state, connection } = useQueueState();
  const { state: issue, issue: issueTicket, retry, reset } = useIssueTicket();
  const [selected, setSelected] = useState<Service | null>(null);
  const printer = kioskPrinter(state?.printers ?? [], DEVICE_ID);
  // A printer fault only warns: issuing goes on and the number is shown on screen.
  const noPaper = printerFault(printer);

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
          noPaper={noPaper}
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
      {noPaper && printer && <PrinterBanner printer={printer} />}
      <main className="kiosk-main">{body()}</main>
    </div>
  );
}
