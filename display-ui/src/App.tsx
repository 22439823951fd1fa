import { distinctCalls } from '@luot/ui-shared/apply-event';
import { AppHeader } from '@luot/ui-shared/AppHeader';
import { OfflineBanner } from '@luot/ui-shared/OfflineBanner';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { useQueueState } from '@luot/ui-shared/use-queue-state';
import { LatestCall } from './LatestCall';
import { RecentCalls } from './RecentCalls';
import { WaitingList } from './WaitingList';
import { useCallAnnouncer } from './use-call-announcer';

/** How many earlier calls the strip under the latest one shows. */
const EARLIER_CALLS_SHOWN = 6;

/** The hall screen: newest call large, earlier calls, queue lengths, clock, sound. */
export function App() {
  const { t, lang } = useI18n();
  const { onEvent, soundBlocked, unlock } = useCallAnnouncer();
  const { state, connection } = useQueueState({ onEvent });
  const [latest, ...earlier] = distinctCalls(state?.recentCalls ?? []);

  return (
    <div className="display" onPointerDown={unlock}>
      <AppHeader title={t('app.centre')} subtitle={t('display.title')} clock="seconds" />
      {connection === 'offline' && <OfflineBanner />}
      {state === null ? (
        <div className="loading">{t('app.loading')}</div>
      ) : (
        <main className="display-main">
          <LatestCall call={latest} services={state.services} t={t} lang={lang} />
          <WaitingList services={state.services} t={t} lang={lang} />
          <RecentCalls calls={earlier.slice(0, EARLIER_CALLS_SHOWN)} t={t} />
        </main>
      )}
      {soundBlocked && <div className="sound-hint">{t('display.enableSound')}</div>}
    </div>
  );
}
