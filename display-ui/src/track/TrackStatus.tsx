import type { ReactNode } from 'react';
import type { TrackResponse } from '@luot/contract';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { waitText } from '@luot/ui-shared/contract';

interface Props {
  data: TrackResponse;
  /** The ticket's (current) service, in the page language. */
  serviceName: string;
}

/** What the visitor should know or do now, by the ticket's status. */
export function TrackStatus({ data, serviceName }: Props) {
  const { t } = useI18n();
  const { ticket, counter, ahead, estimatedWaitMinutes } = data;
  const wait = waitText(t, estimatedWaitMinutes);

  switch (ticket.status) {
    case 'waiting':
      return (
        <div className="track-message track-waiting-info">
          {ticket.transferCount > 0 && ticket.serviceId !== ticket.originalServiceId && (
            <p className="track-transferred" data-testid="track-transferred">
              {t('track.transferred', { service: serviceName })}
            </p>
          )}
          <p className="track-ahead" data-testid="track-ahead">
            {ahead === 0 ? t('track.next') : t('track.ahead', { count: ahead })}
          </p>
          {wait !== null && (
            <p className="track-wait" data-testid="track-wait">
              {t('kiosk.estimatedWait', { wait })}
            </p>
          )}
        </div>
      );
    case 'called':
      return (
        <Message className="track-call" role="alert">
          {t('track.goToCounter', { number: counter?.number ?? '' })}
        </Message>
      );
    case 'serving':
      return <Message>{t('track.serving', { number: counter?.number ?? '' })}</Message>;
    case 'cancelled':
      return (
        <Message>
          {t('track.cancelled')}
          {ticket.closeReason && (
            <span className="track-reason">
              {t('track.cancelReason', { reason: ticket.closeReason })}
            </span>
          )}
        </Message>
      );
    case 'done':
    case 'no_show':
    case 'expired':
    case 'parked':
      return <Message>{t(`track.${ticket.status}`)}</Message>;
  }
}

interface MessageProps {
  children: ReactNode;
  className?: string;
  role?: 'alert';
}

/** The one sentence that matters, large. */
function Message({ children, className = '', role }: MessageProps) {
  return (
    <p className={`track-message ${className}`} role={role} data-testid="track-message">
      {children}
    </p>
  );
}
