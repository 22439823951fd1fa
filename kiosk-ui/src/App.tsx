import { useState } from 'react';
import type { Device, Service } from '@luot/contract';
import { ApiRequestError } from '@luot/ui-shared/api';
import { AppHeader } from '@luot/ui-shared/AppHeader';
import type { StoredDevice } from '@luot/ui-shared/device';
import { OfflineBanner } from '@luot/ui-shared/OfflineBanner';
import { setLanguage, useI18n } from '@luot/ui-shared/use-i18n';
import { kioskPrinter, printerFault } from '@luot/ui-shared/printers';
import { useQueueState } from '@luot/ui-shared/use-queue-state';
import { IssuedTicket } from './IssuedTicket';
import { PairedNotice } from './PairedNotice';
import { PairingScreen, type PairingReason } from '@luot/ui-shared/PairingScreen';
import { PrinterBanner } from './PrinterBanner';
import { PriorityPicker } from './PriorityPicker';
import { ServiceMenu } from './ServiceMenu';
import { useIssueTicket } from './use-issue-ticket';
import { useKioskDevice } from './use-kiosk-device';
import { preloadQrEncoder } from './use-qr-matrix';

/** An installer opens `/kiosk?pair` to pair the kiosk whatever the policy. */
const PAIR_PARAM = 'pair';

const installerAsked = () => new URLSearchParams(location.search).has(PAIR_PARAM);

/** Drops `?pair` from the address, so a reload does not show the pairing screen again. */
function forgetInstallerAsk(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has(PAIR_PARAM)) return;
  url.searchParams.delete(PAIR_PARAM);
  history.replaceState(history.state, '', url);
}

/**
 * The kiosk: choose a service, say whether you have priority, get a number. It pairs when
 * the centre's policy requires it, when issuing says it is not paired, or when an installer
 * asks; its tickets print on its own printer once paired.
 */
export function App() {
  const { t } = useI18n();
  const { state, connection } = useQueueState();
  const { state: issue, issue: issueTicket, retry, reset } = useIssueTicket();
  const [selected, setSelected] = useState<Service | null>(null);
  const kiosk = useKioskDevice();
  const [pairingAsked, setPairingAsked] = useState(installerAsked);
  const [welcome, setWelcome] = useState<Device | null>(null);

  // Missing from events recorded before the field existed: that centre was open.
  const mustPair = state?.centre.kioskPolicy === 'paired';
  const refusedUnpaired =
    issue.status === 'failed' &&
    issue.error instanceof ApiRequestError &&
    issue.error.code === 'kiosk_not_paired';
  const pairing =
    welcome === null && (pairingAsked || refusedUnpaired || (mustPair && kiosk.device === null));
  const reason: PairingReason = kiosk.revoked ? 'revoked' : mustPair ? 'policy' : null;

  const printer = kioskPrinter(state?.printers ?? [], kiosk.device?.id ?? null);
  // A printer fault only warns: issuing goes on and the number is shown on screen.
  const noPaper = printerFault(printer);

  function choose(service: Service) {
    if (state?.centre.publicUrl) preloadQrEncoder();
    setSelected(service);
  }

  function backToMenu() {
    reset();
    setSelected(null);
    // The next visitor starts in Vietnamese, whatever the last one chose.
    setLanguage('vi');
  }

  function leavePairing() {
    forgetInstallerAsk();
    setPairingAsked(false);
    backToMenu();
  }

  function onPaired(next: StoredDevice) {
    kiosk.paired(next);
    setWelcome(next.device);
    leavePairing();
  }

  function body() {
    if (welcome) return <PairedNotice device={welcome} onDone={() => setWelcome(null)} />;
    if (pairing) {
      return (
        <PairingScreen
          reason={reason}
          current={kiosk.device}
          onLeave={mustPair ? null : leavePairing}
          onPaired={onPaired}
        />
      );
    }
    if (issue.status === 'issued' && selected) {
      return (
        <IssuedTicket
          result={issue.response}
          service={selected}
          priorityClasses={state?.centre.priorityClasses ?? []}
          publicUrl={state?.centre.publicUrl ?? null}
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
    return <ServiceMenu services={state.services} onChoose={choose} />;
  }

  return (
    <div className="kiosk">
      <AppHeader title={t('app.centre')} subtitle={t('app.name')} languageToggle clock="minutes" />
      {connection === 'offline' && <OfflineBanner />}
      {noPaper && printer && !pairing && <PrinterBanner printer={printer} />}
      <main className="kiosk-main">{body()}</main>
      {kiosk.device && (
        <footer className="kiosk-footer" data-testid="kiosk-device-name">
          {t('kiosk.deviceName', { name: kiosk.device.name })}
        </footer>
      )}
    </div>
  );
}
