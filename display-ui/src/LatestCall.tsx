import type { Language, RecentCall, Service } from '@luot/contract';
import { findService, serviceName } from '@luot/ui-shared/format';
import type { Translate } from '@luot/ui-shared/use-i18n';

interface Props {
  call: RecentCall | undefined;
  services: Service[];
  t: Translate;
  lang: Language;
}

/** The newest call, very large; it blinks for a few seconds each time it changes. */
export function LatestCall({ call, services, t, lang }: Props) {
  if (!call) {
    return (
      <section className="latest latest-empty">
        <p>{t('display.noCalls')}</p>
      </section>
    );
  }
  const priority = call.priorityClass !== null;
  return (
    <section
      // A new key remounts the card, which restarts the blink animation.
      key={`${call.ticketId}-${call.calledAt}`}
      className={`latest blink${priority ? ' latest-priority' : ''}`}
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
        {priority && <span className="tag-priority">{t('display.priority')}</span>}
        {serviceName(findService(services, call.serviceId), lang)}
        {call.recall && <span className="tag-recall">{t('action.recall')}</span>}
      </div>
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
    <div className="latest-cell">
      <div className="latest-label">{label}</div>
      <div className={`latest-${kind}`} data-testid={`latest-${kind}`}>
        {value}
      </div>
    </div>
  );
}
