import type { Counter, Ticket } from '@luot/contract';
import { formatElapsed } from '@luot/ui-shared/format';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { dayFigures } from './day-figures';
import { useRefreshedList } from './use-ticket-list';

interface Props {
  counter: Counter;
  onError: (error: unknown) => void;
}

/**
 * The counter's own day: tickets finished here today and their average service time,
 * from the server's list of them. It changes only when this counter's ticket does.
 */
export function DayFiguresBar({ counter, onError }: Props) {
  const { t } = useI18n();
  const ticket = counter.currentTicket;
  const version = `${ticket?.id ?? 0}:${ticket?.status ?? 'none'}`;
  const { items } = useRefreshedList<Ticket>(
    `/api/tickets?list=done&counterId=${counter.id}`,
    version,
    onError,
  );
  if (items === null) return null;
  const figures = dayFigures(items);
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
