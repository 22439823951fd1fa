import type { RecentCall } from '@luot/contract';
import type { Translate } from '@luot/ui-shared/use-i18n';

/** The strip of earlier calls under the newest one. */
export function RecentCalls({ calls, t }: { calls: RecentCall[]; t: Translate }) {
  return (
    <section className="recent">
      <h2>{t('display.recentCalls')}</h2>
      <ol className="recent-list" data-testid="recent-calls">
        {calls.map((call) => (
          <li
            key={`${call.ticketId}-${call.calledAt}`}
            className={call.priorityClass !== null ? 'recent-priority' : undefined}
          >
            <span className="recent-number">{call.number}</span>
            <span className="recent-counter">
              {t('display.counter')} {call.counterNumber}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
