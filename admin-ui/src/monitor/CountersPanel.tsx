import type { Counter, StateSnapshot } from '@luot/contract';
import { formatElapsed } from '@luot/ui-shared/format';
import { useI18n } from '@luot/ui-shared/use-i18n';

interface Props {
  state: StateSnapshot;
  /** Server time, ms. */
  now: number;
  /** A pause this long is marked; undefined until today's figures load. */
  pauseAlertMinutes: number | undefined;
}

/** Every counter: open, paused (why, for how long) or closed; its clerk and ticket, timed. */
export function CountersPanel({ state, now, pauseAlertMinutes }: Props) {
  const { t } = useI18n();
  return (
    <section className="monitor-panel" aria-labelledby="monitor-counters">
      <h3 id="monitor-counters">{t('admin.monitor.counters')}</h3>
      {state.counters.length === 0 && <p className="muted">{t('admin.monitor.noCounters')}</p>}
      <ul className="monitor-counters">
        {state.counters.map((counter) => (
          <CounterCard
            key={counter.id}
            counter={counter}
            now={now}
            pauseAlertMinutes={pauseAlertMinutes}
          />
        ))}
      </ul>
    </section>
  );
}

function CounterCard({
  counter,
  now,
  pauseAlertMinutes,
}: {
  counter: Counter;
  now: number;
  pauseAlertMinutes: number | undefined;
}) {
  const { t } = useI18n();
  const since = counter.statusSince === null ? null : now - Date.parse(counter.statusSince);
  const longPause =
    counter.status === 'paused' &&
    since !== null &&
    pauseAlertMinutes !== undefined &&
    since >= pauseAlertMinutes * 60_000;
  const ticket = counter.currentTicket;
  const ticketSince = ticket && (ticket.servingAt ?? ticket.calledAt);
  const label = t('admin.monitor.counter', { number: counter.number });
  return (
    <li
      className={`monitor-counter is-${counter.status}${longPause ? ' is-alert' : ''}`}
      data-testid={`monitor-counter-${counter.number}`}
      data-status={counter.status}
    >
      <div className="monitor-counter-head">
        <strong>{label}</strong>
        <span className="monitor-badge">{t(`admin.monitor.state.${counter.status}`)}</span>
      </div>
      {/* Most centres name a counter "Quầy 3": said once. */}
      {counter.name !== label && <div className="monitor-counter-name">{counter.name}</div>}
      <div className="monitor-counter-clerk">
        {counter.staff?.displayName ?? t('admin.monitor.noClerk')}
      </div>
      {counter.status === 'paused' && (
        <div className="monitor-counter-line" data-testid={`monitor-pause-${counter.number}`}>
          <span>{counter.pauseReason ?? t('admin.monitor.noReason')}</span>
          {since !== null && <span className="monitor-timer">{formatElapsed(since)}</span>}
        </div>
      )}
      {ticket && ticketSince && (
        <div className="monitor-counter-line" data-testid={`monitor-ticket-${counter.number}`}>
          <span>
            {ticket.status === 'serving'
              ? t('admin.monitor.serving', { number: ticket.number })
              : t('admin.monitor.called', { number: ticket.number })}
          </span>
          <span className="monitor-timer">{formatElapsed(now - Date.parse(ticketSince))}</span>
        </div>
      )}
      {!ticket && counter.status === 'open' && (
        <div className="monitor-counter-line muted">{t('admin.monitor.idle')}</div>
      )}
    </li>
  );
}
