import { lazy, Suspense, useEffect, useState } from 'react';
import type { Device, Service } from '@luot/contract';
import { AppHeader } from '@luot/ui-shared/AppHeader';
import type { StoredDevice } from '@luot/ui-shared/device';
import { OfflineBanner } from '@luot/ui-shared/OfflineBanner';
import type { PairingReason } from '@luot/ui-shared/PairingScreen';
import { setLanguage, useI18n } from '@luot/ui-shared/use-i18n';
import { kioskPrinter, printerFault } from '@luot/ui-shared/printers';
import { useQueueState } from '@luot/ui-shared/use-queue-state';
import { ServiceMenu } from './ServiceMenu';
import { useIdle } from './use-idle';
import { useKioskDevice } from './use-kiosk-device';

// What the first paint does not need loads later, to keep the kiosk's first load small.
const loadTakeNumber = () => import('./TakeNumber');
const TakeNumber = lazy(loadTakeNumber);
const SearchView = lazy(() => import('./SearchView'));
const PairedNotice = lazy(() =>
  import('./PairedNotice').then((m) => ({ default: m.PairedNotice })),
);
const UnavailableNotice = lazy(() =>
  import('./UnavailableNotice').then((m) => ({ default: m.UnavailableNotice })),
);
const PrinterBanner = lazy(() =>
  import('./PrinterBanner').then((m) => ({ default: m.PrinterBanner })),
);
const PairingScreen = lazy(() =>
  import('@luot/ui-shared/PairingScreen').then((m) => ({ default: m.PairingScreen })),
);

/** An installer opens `/kiosk?pair` to pair the kiosk whatever the policy. */
const PAIR_PARAM = 'pair';

/** Used until the first snapshot says what the centre set (the server's default). */
const DEFAULT_IDLE_SECONDS = 30;

const installerAsked = () => new URLSearchParams(location.search).has(PAIR_PARAM);

/** Drops `?pair` from the address, so a reload does not show the pairing screen again. */
function forgetInstallerAsk(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has(PAIR_PARAM)) return;
  url.searchParams.delete(PAIR_PARAM);
  history.replaceState(history.state, '', url);
}

/**
 * The kiosk: find a service through its groups or by typing, say whether you have priority,
 * get a number. Left untouched anywhere but its start, it goes back to the start after the
 * centre's idle time. It pairs when the centre's policy requires it, when issuing says it
 * is not paired, or when an installer asks; its tickets print on its own printer once paired.
 */
export function App() {
  const { t, lang } = useI18n();
  const { state, connection } = useQueueState();
  const [level, setLevel] = useState<number | null>(null);
  const [searching, setSearching] = useState(false);
  const [notice, setNotice] = useState<Service | null>(null);
  const [selected, setSelected] = useState<Service | null>(null);
  /** A number is being issued: the kiosk does not go back to its start meanwhile. */
  const [busy, setBusy] = useState(false);
  /** Issuing was refused because the kiosk is not paired. */
  const [refusedUnpaired, setRefusedUnpaired] = useState(false);
  const kiosk = useKioskDevice();
  const [pairingAsked, setPairingAsked] = useState(installerAsked);
  const [welcome, setWelcome] = useState<Device | null>(null);

  // Missing from events recorded before the field existed: that centre was open.
  const mustPair = state?.centre.kioskPolicy === 'paired';
  const pairing =
    welcome === null && (pairingAsked || refusedUnpaired || (mustPair && kiosk.device === null));
  const reason: PairingReason = kiosk.revoked ? 'revoked' : mustPair ? 'policy' : null;

  const printer = kioskPrinter(state?.printers ?? [], kiosk.device?.id ?? null);
  // A printer fault only warns: issuing goes on and the number is shown on screen.
  const noPaper = printerFault(printer);
  const idleSeconds = state?.centre.kioskIdleSeconds ?? DEFAULT_IDLE_SECONDS;

  const atStart =
    level === null && !searching && notice === null && selected === null && lang === 'vi';
  useIdle(idleSeconds, !atStart && !pairing && welcome === null && !busy, () => startOver());

  const loaded = state !== null;
  useEffect(() => {
    if (!loaded) return;
    // Once the menu shows: the next screens load while the visitor reads it.
    loadTakeNumber().catch(() => undefined);
  }, [loaded]);

  function choose(service: Service) {
    // The QR encoder loads while the visitor chooses, so the code shows with the number.
    if (state?.centre.publicUrl) {
      import('./use-qr-matrix').then((m) => m.preloadQrEncoder()).catch(() => undefined);
    }
    setSelected(service);
  }

  /** Back to the top of the menu, in Vietnamese, for the next visitor. */
  function startOver() {
    setRefusedUnpaired(false);
    setSelected(null);
    setNotice(null);
    setSearching(false);
    setLevel(null);
    setLanguage('vi');
  }

  function leavePairing() {
    forgetInstallerAsk();
    setPairingAsked(false);
    startOver();
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
    if (selected) {
      return (
        <TakeNumber
          service={selected}
          centre={state?.centre ?? null}
          counters={state?.counters ?? []}
          noPaper={noPaper}
          idleSeconds={idleSeconds}
          onBusy={setBusy}
          onNotPaired={() => setRefusedUnpaired(true)}
          onBack={() => setSelected(null)}
          onDone={startOver}
        />
      );
    }
    if (state === null) return <Loading />;
    if (searching) {
      return (
        <SearchView
          services={state.services}
          groups={state.serviceGroups ?? []}
          onChoose={choose}
          onUnavailable={setNotice}
          onClose={() => setSearching(false)}
        />
      );
    }
    return (
      <ServiceMenu
        services={state.services}
        groups={state.serviceGroups ?? []}
        level={level}
        onLevel={setLevel}
        onChoose={choose}
        onUnavailable={setNotice}
        onSearch={() => setSearching(true)}
      />
    );
  }

  const logoUrl = state?.centre.logoUrl ?? null;
  return (
    <div className="kiosk">
      <AppHeader
        title={state?.centre.name ?? t('app.centre')}
        subtitle={t('kiosk.header')}
        logo={logoUrl ? { src: logoUrl, alt: '' } : null}
        languageToggle
        clock="minutes"
      />
      {connection === 'offline' && <OfflineBanner />}
      {noPaper && printer && !pairing && (
        <Suspense fallback={null}>
          <PrinterBanner printer={printer} />
        </Suspense>
      )}
      <main className="kiosk-main">
        <Suspense fallback={<Loading />}>{body()}</Suspense>
      </main>
      {notice && !pairing && <UnavailableNotice service={notice} onClose={() => setNotice(null)} />}
      {kiosk.device && (
        <footer className="kiosk-footer" data-testid="kiosk-device-name">
          {t('kiosk.deviceName', { name: kiosk.device.name })}
        </footer>
      )}
    </div>
  );
}

function Loading() {
  const { t } = useI18n();
  return <div className="loading">{t('app.loading')}</div>;
}
