import type { RecentCall } from '@luot/contract';
import type { Translate } from '@luot/ui-shared/use-i18n';

interface Props {
  calls: RecentCall[];
  /** Cells across and down: as many calls as cells show. */
  columns: number;
  rows: number;
  t: Translate;
}

/** The calls before the newest one, newest first; priority calls in their own colour. */
export function RecentCalls({ calls, columns, rows, t }: Props) {
  return (
    <section className="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('display.recentCalls')}</h2>
      <ol
        className="recent-list"
        data-testid="recent-calls"
        style={{
          gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
          gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))`,
        }}
      >
        {calls.slice(0, columns * rows).map((call) => {
          const priority = call.priorityClass !== null;
          return (
            <li
              key={`${call.ticketId}-${call.calledAt}`}
              className={priority ? 'recent-priority' : undefined}
              data-testid="recent-call"
              data-priority={priority}
            >
              <span className="recent-number">{call.number}</span>
              <span className="recent-counter">
                {t('display.counter')} {call.counterNumber}
                {priority && <span className="recent-tag">{t('display.priority')}</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
