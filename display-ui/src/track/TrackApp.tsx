import { useEffect } from 'react';
import type { TrackResponse } from '@luot/contract';
import { statusMessageKey } from '@luot/ui-shared/contract';
import { formatTime } from '@luot/ui-shared/format';
import { AppHeader } from '@luot/ui-shared/AppHeader';
import { OfflineBanner } from '@luot/ui-shared/OfflineBanner';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { TrackStatus } from './TrackStatus';
import { useTracking } from './use-tracking';

/** The visitor's phone: one ticket, its place in the queue, and the call, live. */
export function TrackApp({ token }: { token: string | null }) {
  const { t } = useI18n();
  const { tracking, connection } = useTracking(token);
  const data = tracking.status === 'found' ? tracking.data : null;
  const offline = connection === 'offline' || (tracking.status === 'found' && tracking.failed);

  return (
    <div className="track">
      <AppHeader
        title={data?.centreName ?? t('app.centre')}
        subtitle={t('track.title')}
        languageToggle
        className="track-header"
      />
      {offline && <OfflineBanner />}
      <main className="track-main">
        {tracking.status === 'loading' && <div className="loading">{t('app.loading')}</div>}
        {tracking.status === 'not-found' && <NotFound />}
        {data && <TicketView data={data} offline={offline} />}
      </main>
    </div>
  );
}

/** The ticket card: number, service, status and what to do now. */
function TicketView({ data, offline }: { data: TrackResponse; offline: boolean }) {
  const { t, lang } = useI18n();
  const { ticket, counter } = data;
  const service = lang === 'en' && data.service.nameEn ? data.service.nameEn : data.service.name;
  useCallAlert(data);

  return (
    <section className={`track-card track-${ticket.status}`} data-testid="track-card">
      <p className="track-label">{t('track.yourNumber')}</p>
      <p className="ticket-number track-number" data-testid="track-number">
        {ticket.number}
      </p>
      <p className="track-service" data-testid="track-service">
        {service}
      </p>
      <p className="track-status-chip" data-testid="track-status">
        {t(statusMessageKey(ticket.status))}
        {counter && ` · ${counter.name}`}
      </p>
      <TrackStatus data={data} serviceName={service} />
      <p className="track-footer">
        {t('track.issuedAt', { time: formatTime(ticket.issuedAt, lang) })}
        {!offline && <span className="track-live">{t('track.live')}</span>}
      </p>
    </section>
  );
}

/** When the ticket is called (or called again), the phone vibrates and the tab title says where to go. */
function useCallAlert(data: TrackResponse) {
  const { t } = useI18n();
  const called = data.ticket.status === 'called' && data.counter !== null;
  const counterNumber = data.counter?.number;
  const recalls = data.ticket.recallCount;
  const title = called ? t('track.goToCounter', { number: counterNumber ?? '' }) : null;

  useEffect(() => {
    if (!called) return;
    navigator.vibrate?.([400, 200, 400]);
  }, [called, counterNumber, recalls]);

  useEffect(() => {
    const base = document.title;
    if (title !== null) document.title = `${data.ticket.number} – ${title}`;
    return () => {
      document.title = base;
    };
  }, [title, data.ticket.number]);
}

/** An unknown or mistyped token. */
function NotFound() {
  const { t } = useI18n();
  return (
    <section className="track-card track-not-found" data-testid="track-not-found">
      <p className="track-not-found-mark" aria-hidden="true">
        ?
      </p>
      <h2>{t('track.notFound')}</h2>
      <p>{t('track.notFoundHint')}</p>
    </section>
  );
}
