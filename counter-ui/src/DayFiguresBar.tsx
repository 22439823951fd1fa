import type { Counter, CounterDayResponse } from '@luot/contract';
import { formatElapsed } from '@luot/ui-shared/format';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { dayFigures } from './day-figures';
import { useRefreshed } from './use-ticket-list';

interface Props {
  counter: Counter;
  onError: (error: unknown) => void;
}

/**
 * The counter's own day: tickets finished here today and their average service time,
 * as the server counts them. It changes only when this counter's ticket does.
 */
export function DayFiguresBar({ counter, onError }: Props) {
  const { t } = useI18n();
  const ticket = counter.currentTicket;
  const version = `${ticket?.id ?? 0}:${ticket?.status ?? 'none'}`;
  const { value } = useRefreshed<CounterDayResponse>(
    `/api/counters/${counter.id}/today`,
    version,
    onError,
  );
  if (value === null) return null;
  const figures = dayFigures(value);
  return (
    <p className="day-figures" data-testid="day-figures">
      <span data-testid="day-served">{t('counter.todayServed', { count: figures.served })}</span>
      <span data-testid="day-average">
        {figures.averageServiceMs === null
          ? t('counter.averageNone')
          : t('counter.averageService', { time: formatElapsed(figures.averageServiceMs) })}
      </span>
    </p>
  );
}
