import type { CentreInfo, Language, RecentCall, Service } from '@luot/contract';
import { priorityLabel } from '@luot/ui-shared/contract';
import { findService, serviceName } from '@luot/ui-shared/format';
import type { Translate } from '@luot/ui-shared/use-i18n';

interface Props {
  call: RecentCall | undefined;
  services: Service[];
  centre: CentreInfo;
  t: Translate;
  lang: Language;
}

/**
 * The newest call, as large as its box allows: the number, an arrow, the counter. It
 * flashes briefly each time it changes; a priority call is red and names its class.
 */
export function LatestCall({ call, services, centre, t, lang }: Props) {
  if (!call) {
    return (
      <section className="latest latest-empty" data-testid="latest-call">
        <p>{t('display.noCalls')}</p>
      </section>
    );
  }
  const priority = call.priorityClass !== null;
  // Counters are mostly named after their number; only a name that says more is shown.
  const counterName =
    call.counterName.trim() !== `${t('display.counter')} ${call.counterNumber}`
      ? call.counterName
      : null;
  return (
    <section
      // A new key remounts the card, which restarts the flash.
      key={`${call.ticketId}-${call.calledAt}`}
      className={`latest flash${priority ? ' latest-priority' : ''}`}
      data-testid="latest-call"
      data-priority={priority}
      aria-live="assertive"
    >
      <div className="latest-row">
        <LatestCell label={t('display.number')} kind="number" value={call.number} />
        <div className="latest-arrow" aria-hidden="true">
          →
        </div>
        <LatestCell label={t('display.counter')} kind="counter" value={call.counterNumber} />
      </div>
      <div className="latest-service">
        {call.priorityClass !== null && (
          <span className="tag-priority" data-testid="latest-priority">
            {t('display.priority')} ·{' '}
            {priorityLabel(centre.priorityClasses, call.priorityClass, lang)}
          </span>
        )}
        <span className="latest-service-name" data-testid="latest-service">
          {serviceName(findService(services, call.serviceId), lang)}
        </span>
        {call.recall && <span className="tag-recall">{t('action.recall')}</span>}
      </div>
      {counterName && (
        <div className="latest-counter-name" data-testid="latest-counter-name">
          {counterName}
        </div>
      )}
    </section>
  );
}

/** One labelled half of the latest call: the number, or the counter to go to. */
function LatestCell({
  label,
  kind,
  value,
}: {
  label: string;
  kind: 'number' | 'counter';
  value: string | number;
}) {
  return (
    <div className={`latest-cell latest-cell-${kind}`}>
      <div className="latest-label">{label}</div>
      <div className={`latest-${kind}`} data-testid={`latest-${kind}`}>
        {value}
      </div>
    </div>
  );
}
