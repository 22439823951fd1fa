import { Suspense, lazy, useEffect, useEffectEvent, useState } from 'react';
import type { CentreInfo, Device } from '@luot/contract';
import type { StoredDevice } from '@luot/ui-shared/device';
import { Clock } from '@luot/ui-shared/Clock';
import { LanguageToggle } from '@luot/ui-shared/LanguageToggle';
import { OfflineBanner } from '@luot/ui-shared/OfflineBanner';
import type { PairingTexts } from '@luot/ui-shared/PairingScreen';
import { setLanguage, useI18n } from '@luot/ui-shared/use-i18n';
import { useQueueState } from '@luot/ui-shared/use-queue-state';
import { counterIdFromPath } from './counter-address';
import { CounterView } from './CounterView';
import { useCounterDevice } from './use-counter-device';
import { useRating } from './use-rating';

/** An installer opens `/display/counter/<id>?pair` to pair the screen whatever the policy. */
const PAIR_PARAM = 'pair';
/** How long the screen shows the name it was paired with. */
const WELCOME_MS = 4000;

/** Not needed at first paint; fetched right after it, so the question opens without delay. */
const loadRatingPanel = () => import('./RatingPanel');
const RatingPanel = lazy(() => loadRatingPanel().then((m) => ({ default: m.RatingPanel })));
/** Only an unpaired screen under the paired policy (or an installer) needs it. */
const PairingScreen = lazy(() =>
  import('@luot/ui-shared/PairingScreen').then((m) => ({ default: m.PairingScreen })),
);

const PAIRING_TEXTS: PairingTexts = {
  title: 'counterScreen.pair.title',
  instruction: 'counterScreen.pair.instruction',
  why: 'counterScreen.pair.why',
};

const installerAsked = () => new URLSearchParams(location.search).has(PAIR_PARAM);

/** Drops `?pair` from the address, so a reload does not pair again. */
function forgetInstallerAsk(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has(PAIR_PARAM)) return;
  url.searchParams.delete(PAIR_PARAM);
  history.replaceState(history.state, '', url);
}

/** The band on top: the centre's logo and name, the language button and the clock. */
function Header({ centre }: { centre: CentreInfo | null }) {
  const { t, lang } = useI18n();
  return (
    <header className="app-header cs-header">
      {centre?.logoUrl && <img className="cs-logo" src={centre.logoUrl} alt="" />}
      <h1 data-testid="cs-centre-name">
        {centre?.name ?? t('app.centre')}
        <span className="subtitle">{t('counterScreen.title')}</span>
      </h1>
      <LanguageToggle />
      <Clock lang={lang} seconds={false} />
    </header>
  );
}

/** Says the name the screen was paired with for a moment, then gives way. */
function Welcome({ device, onDone }: { device: Device; onDone: () => void }) {
  const { t } = useI18n();
  const done = useEffectEvent(onDone);
  useEffect(() => {
    const timer = setTimeout(() => done(), WELCOME_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <main className="cs-message" role="status" data-testid="cs-paired">
      <p className="cs-idle-title">{t('counterScreen.pair.done', { name: device.name })}</p>
    </main>
  );
}

/**
 * The screen above counter `counterId`: what the counter is doing, live from the feed;
 * after each finished ticket the rating question; the pairing code when the centre takes
 * ratings only from paired counter screens (or refused this one).
 */
function CounterScreen({ counterId }: { counterId: number }) {
  const { t, lang } = useI18n();
  const device = useCounterDevice();
  useEffect(() => {
    void loadRatingPanel();
  }, []);
  const [asked, setAsked] = useState(installerAsked);
  const [refused, setRefused] = useState(false);
  const [welcome, setWelcome] = useState<Device | null>(null);
  // `flow` is read when an event arrives, after this render has declared it.
  const { state, connection } = useQueueState({ onEvent: (envelope) => flow.onEvent(envelope) });
  const settings = state?.centre.rating ?? null;
  const flow = useRating(counterId, settings, () => setRefused(true));
  const asking = flow.step.step !== 'idle';
  useEffect(() => {
    // Each visitor is asked in Vietnamese first, whatever the last one switched to.
    if (!asking) setLanguage('vi');
  }, [asking]);

  const mustPair = state?.centre.kioskPolicy === 'paired';
  const notHere =
    device.device === null ||
    (device.boundCounterId !== undefined && device.boundCounterId !== counterId);
  const pairing = welcome === null && (asked || refused || (mustPair && notHere));

  function onPaired(next: StoredDevice) {
    device.paired(next);
    forgetInstallerAsk();
    setAsked(false);
    setRefused(false);
    setWelcome(next.device);
  }

  const counter = state?.counters.find((c) => c.id === counterId) ?? null;

  function body() {
    if (welcome) return <Welcome device={welcome} onDone={() => setWelcome(null)} />;
    if (pairing) {
      return (
        <main className="cs-pairing">
          <PairingScreen
            kind="counter"
            counterId={counterId}
            texts={PAIRING_TEXTS}
            reason={mustPair ? 'policy' : null}
            current={null}
            onLeave={null}
            onPaired={onPaired}
          />
        </main>
      );
    }
    if (state === null) return <div className="loading">{t('app.loading')}</div>;
    if (counter === null) {
      return (
        <main className="cs-message" role="alert" data-testid="cs-not-found">
          <p className="cs-idle-title">{t('counterScreen.notFound', { id: counterId })}</p>
        </main>
      );
    }
    if (settings && flow.step.step !== 'idle') {
      const panel = <RatingPanel flow={flow} settings={settings} t={t} lang={lang} />;
      // A quiet send (the visitor walked away) draws nothing: the counter shows meanwhile.
      if (!(flow.step.step === 'sending' && flow.step.quiet)) return panel;
    }
    return <CounterView counter={counter} t={t} />;
  }

  return (
    <div className="counter-screen">
      <Header centre={state?.centre ?? null} />
      {connection === 'offline' && <OfflineBanner />}
      <Suspense fallback={<div className="loading">{t('app.loading')}</div>}>{body()}</Suspense>
      {device.device && (
        <footer className="cs-footer" data-testid="cs-device-name">
          {t('counterScreen.deviceName', { name: device.device.name })}
        </footer>
      )}
    </div>
  );
}

/** The counter screen at `/display/counter/<id>`, or a line saying the address is wrong. */
export function CounterScreenApp() {
  const { t } = useI18n();
  const counterId = counterIdFromPath(location.pathname);
  if (counterId === null) {
    return (
      <div className="counter-screen">
        <main className="cs-message" role="alert" data-testid="cs-bad-address">
          <p className="cs-idle-title">{t('counterScreen.badAddress')}</p>
        </main>
      </div>
    );
  }
  return <CounterScreen counterId={counterId} />;
}
