import type { PublicCounter, PublicTicket } from '@luot/contract';
import type { Translate } from '@luot/ui-shared/use-i18n';
import { initialsOf } from './counter-address';

interface Props {
  /** The fields a counter screen reads, whichever audience's shape the snapshot has. */
  counter: Pick<PublicCounter, 'number' | 'name' | 'staff' | 'status' | 'pauseReason'> & {
    currentTicket: Pick<PublicTicket, 'number' | 'status'> | null;
  };
  t: Translate;
}

/** What the counter is doing: the number it serves, or why it serves none. */
function Now({ counter, t }: Props) {
  const ticket = counter.currentTicket;
  if (ticket) {
    return (
      <section className="cs-now" aria-live="polite">
        <p className="cs-now-label">
          {t(ticket.status === 'serving' ? 'counterScreen.serving' : 'counterScreen.calling')}
        </p>
        <p className="ticket-number cs-number" data-testid="cs-current-number">
          {ticket.number}
        </p>
      </section>
    );
  }
  const [title, hint] =
    counter.status === 'paused'
      ? [
          t('counterScreen.paused'),
          counter.pauseReason
            ? t('counterScreen.pausedReason', { reason: counter.pauseReason })
            : '',
        ]
      : counter.status === 'closed'
        ? [t('counterScreen.closed'), t('counterScreen.closedHint')]
        : [t('counterScreen.idle'), t('counterScreen.idleHint')];
  return (
    <section
      className={`cs-now cs-now-idle cs-status-${counter.status}`}
      aria-live="polite"
      data-testid="cs-idle"
      data-status={counter.status}
    >
      <p className="cs-idle-title">{title}</p>
      {hint && <p className="cs-idle-hint">{hint}</p>}
    </section>
  );
}

/**
 * The counter's screen between visitors and while one is served: its number and name,
 * the ticket being served very large, and the clerk with an avatar of their initials.
 */
export function CounterView({ counter, t }: Props) {
  const staff = counter.staff;
  return (
    <main className="cs-main">
      <section className="cs-counter">
        <p className="cs-counter-label">{t('display.counter')}</p>
        <p className="cs-counter-number" data-testid="cs-counter-number">
          {counter.number}
        </p>
        <p className="cs-counter-name" data-testid="cs-counter-name">
          {counter.name}
        </p>
      </section>
      <Now counter={counter} t={t} />
      <section className="cs-clerk" data-testid="cs-clerk">
        {staff ? (
          <>
            <span className="cs-avatar" aria-hidden="true">
              {initialsOf(staff.displayName)}
            </span>
            <p className="cs-clerk-text">
              <span className="cs-clerk-label">{t('counterScreen.clerk')}</span>
              <span className="cs-clerk-name" data-testid="cs-clerk-name">
                {staff.displayName}
              </span>
            </p>
          </>
        ) : (
          <p className="cs-clerk-text cs-clerk-label">{t('counterScreen.noClerk')}</p>
        )}
      </section>
    </main>
  );
}
