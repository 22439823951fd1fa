import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FeedEnvelope, RecentCall, StateSnapshot } from '@luot/contract';
import { distinctCalls } from '@luot/ui-shared/apply-event';
import type { StoredDevice } from '@luot/ui-shared/device';
import { serviceName } from '@luot/ui-shared/format';
import { OfflineBanner } from '@luot/ui-shared/OfflineBanner';
import type { PairingTexts } from '@luot/ui-shared/PairingScreen';
import { useI18n, type Translate } from '@luot/ui-shared/use-i18n';
import { useQueueState } from '@luot/ui-shared/use-queue-state';
import { DisplayHeader } from './DisplayHeader';
import {
  NO_FILTER,
  callShown,
  counterNumbersShown,
  eventShown,
  filterFromSearch,
  resolveFilter,
  servicesShown,
  type DisplayFilter,
  type FilterRequest,
} from './display-filter';
import { LatestCall } from './LatestCall';
import { RecentCalls } from './RecentCalls';
import { SoundControls } from './SoundControls';
import { Ticker } from './Ticker';
import { WaitingList, type WaitingGrid } from './WaitingList';
import { useBrowserOnline } from './use-browser-online';
import { useCallAnnouncer } from './use-call-announcer';
import { useDisplayDevice } from './use-display-device';
import { useOrientation, type Orientation } from './use-orientation';

/** How many earlier calls, and how many queues per page, each orientation has room for. */
const LAYOUT: Record<
  Orientation,
  { recent: { columns: number; rows: number }; waiting: WaitingGrid }
> = {
  landscape: { recent: { columns: 4, rows: 2 }, waiting: { columns: 1, rows: 10 } },
  portrait: { recent: { columns: 3, rows: 3 }, waiting: { columns: 1, rows: 8 } },
};

/** Only an installer pairing the display needs it: loaded then. */
const PairingScreen = lazy(() =>
  import('@luot/ui-shared/PairingScreen').then((m) => ({ default: m.PairingScreen })),
);

/** An installer opens `/display?pair` to pair the display from its own screen. */
const PAIR_PARAM = 'pair';

const DISPLAY_TEXTS: PairingTexts = {
  title: 'display.pair.title',
  instruction: 'display.pair.instruction',
  why: 'display.pair.why',
  current: 'display.pair.current',
  leave: 'display.pair.leave',
};

/** Drops `?pair` from the address, so a reload shows the calls again. */
function forgetPairAsk(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has(PAIR_PARAM)) return;
  url.searchParams.delete(PAIR_PARAM);
  history.replaceState(history.state, '', url);
}

/** The small line that tells staff the screen shows only part of the centre. */
function filterLine(
  t: Translate,
  lang: 'vi' | 'en',
  filter: DisplayFilter,
  request: FilterRequest | null,
  state: StateSnapshot,
): string | null {
  if (filter.matchesNothing) {
    const asked = [...(request?.services ?? []), ...(request?.counters ?? [])].join(', ');
    return t('display.filterMatchesNothing', { filter: asked });
  }
  const lines: string[] = [];
  if (filter.serviceIds) {
    const names = state.services
      .filter((s) => filter.serviceIds?.has(s.id))
      .map((s) => serviceName(s, lang));
    lines.push(t('display.filteredServices', { names: names.join(', ') }));
  }
  const numbers = counterNumbersShown(filter, state.counters);
  if (numbers.length > 0) {
    lines.push(t('display.filteredCounters', { numbers: numbers.join(', ') }));
  }
  return lines.length > 0 ? lines.join(' · ') : null;
}

/**
 * The hall screen: the newest call very large, the calls before it, how many wait for each
 * service (a page at a time), the centre's name, logo, date, clock and notices, in a
 * layout for a landscape or a portrait TV. Limited to some services or counters by its
 * address or by its paired device's filter; it announces only the calls it shows.
 */
export function App() {
  const { t, lang } = useI18n();
  const orientation = useOrientation();
  const layout = LAYOUT[orientation];
  const [request] = useState(() => filterFromSearch(location.search));
  const [pairing, setPairing] = useState(() =>
    new URLSearchParams(location.search).has(PAIR_PARAM),
  );

  const filterRef = useRef<DisplayFilter>(NO_FILTER);
  // The announcer needs the centre's voice settings, which come with the state below.
  const announceRef = useRef<(envelope: FeedEnvelope) => void>(() => undefined);
  const onEvent = useCallback((envelope: FeedEnvelope) => {
    if (eventShown(filterRef.current, envelope)) announceRef.current(envelope);
  }, []);
  const { state, connection } = useQueueState({ onEvent });
  const browserOnline = useBrowserOnline();
  const { device, paired, checked } = useDisplayDevice(connection);

  const filter = useMemo(
    () => (state ? resolveFilter(request, device, state.services, state.counters) : NO_FILTER),
    [request, device, state],
  );
  useEffect(() => {
    filterRef.current = filter;
  }, [filter]);
  // An address filter is known at once; a paired display's once the server has said what
  // its device record holds now (`checked`); both need the state's services and counters.
  // Until then the display announces nothing: another wing's calls must not be said here.
  const filterKnown = (request !== null || checked) && state !== null;
  const showsCall = useCallback((call: RecentCall) => callShown(filter, call), [filter]);
  const shown = filterKnown ? showsCall : null;
  const announcer = useCallAnnouncer(state?.centre ?? null, state?.recentCalls ?? null, shown);
  useEffect(() => {
    announceRef.current = announcer.onEvent;
  }, [announcer.onEvent]);

  function leavePairing() {
    forgetPairAsk();
    setPairing(false);
  }

  function onPaired(next: StoredDevice) {
    paired(next);
    leavePairing();
  }

  const offline = connection === 'offline' || !browserOnline;
  const [latest, ...earlier] = distinctCalls(
    (state?.recentCalls ?? []).filter((call) => callShown(filter, call)),
  );

  return (
    <div
      className={`display display-${orientation}`}
      data-testid="display"
      onPointerDown={announcer.enableSound}
    >
      <DisplayHeader
        centre={state?.centre ?? null}
        filterLine={state ? filterLine(t, lang, filter, request, state) : null}
      />
      {offline && <OfflineBanner />}
      {pairing ? (
        <main className="display-pairing">
          <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
            <PairingScreen
              kind="display"
              texts={DISPLAY_TEXTS}
              reason={null}
              current={device}
              onLeave={leavePairing}
              onPaired={onPaired}
            />
          </Suspense>
        </main>
      ) : state === null ? (
        <div className="loading">{t('app.loading')}</div>
      ) : (
        <main className="display-main">
          <LatestCall
            call={latest}
            services={state.services}
            centre={state.centre}
            t={t}
            lang={lang}
          />
          <RecentCalls
            calls={earlier}
            columns={layout.recent.columns}
            rows={layout.recent.rows}
            t={t}
          />
          <WaitingList
            services={servicesShown(filter, state.services, state.counters)}
            grid={layout.waiting}
            t={t}
            lang={lang}
          />
        </main>
      )}
      <SoundControls sound={announcer.sound} onEnable={announcer.enableSound} />
      <Ticker text={state?.centre.tickerText ?? ''} label={t('display.ticker')} />
      {!pairing && (
        <button
          type="button"
          className="pair-entry"
          data-testid="pair-entry"
          onClick={() => setPairing(true)}
        >
          {t('display.pair.open')}
        </button>
      )}
    </div>
  );
}
