import { useState } from 'react';
import type { Counter, CounterResponse, StaffUser, StateSnapshot } from '@luot/contract';
import { apiPost } from '@luot/ui-shared/api';
import { serviceName } from '@luot/ui-shared/format';
import { servicesOfCounter } from '@luot/ui-shared/apply-event';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  state: StateSnapshot;
  user: StaffUser;
  onTaken: (counter: Counter) => void;
  onError: (error: unknown) => void;
}

/** Every counter with who holds it; tapping a free one (or one's own) takes it. */
export function CounterPicker({ state, user, onTaken, onError }: Props) {
  const { t, lang } = useI18n();
  const [pendingId, setPendingId] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  async function take(counter: Counter) {
    if (pendingId !== null) return;
    setPendingId(counter.id);
    setError(undefined);
    try {
      const response = await apiPost<CounterResponse>(`/api/counters/${counter.id}/sign-in`);
      onTaken(response.counter);
    } catch (err) {
      setError(err);
      onError(err);
    } finally {
      setPendingId(null);
    }
  }

  return (
    <section className="picker">
      <h2>{t('counter.chooseCounter')}</h2>
      {state.counters.length === 0 && <p className="error-box">{t('counter.noCounters')}</p>}
      <ErrorAlert error={error} />
      <div className="picker-grid">
        {state.counters.map((counter) => {
          const holder = counter.staff;
          const mine = holder?.id === user.id;
          return (
            <button
              key={counter.id}
              type="button"
              className={`tile picker-counter${holder && !mine ? ' picker-taken' : ''}`}
              data-testid={`counter-${counter.number}`}
              disabled={pendingId !== null}
              onClick={() => void take(counter)}
            >
              <span className="picker-number">{counter.number}</span>
              <span className="picker-info">
                <span className="picker-name">{counter.name}</span>
                <span className="picker-services">
                  {servicesOfCounter(state, counter)
                    .map((s) => serviceName(s, lang))
                    .join(' · ')}
                </span>
                <span className="picker-holder">
                  {mine
                    ? t('counter.yours')
                    : holder
                      ? t('counter.occupiedBy', { name: holder.displayName })
                      : t('counter.free')}
                </span>
              </span>
            </button>
          );
        })}
      </div>
    </section>
  );
}
