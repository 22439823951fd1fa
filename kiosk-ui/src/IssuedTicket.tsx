import { useEffect, useEffectEvent, useState } from 'react';
import type { IssueTicketResponse, PriorityClassOption, Service } from '@luot/contract';
import { priorityLabel } from '@luot/ui-shared/contract';
import { serviceName } from '@luot/ui-shared/format';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { TrackingCode } from './TrackingCode';

/** Seconds the number stays on screen before the menu comes back. */
const SHOW_SECONDS = 15;

interface Props {
  result: IssueTicketResponse;
  service: Service;
  priorityClasses: PriorityClassOption[];
  /** The server's public URL, which the tracking QR code starts with (null: not known yet). */
  publicUrl: string | null;
  /** The kiosk's printer cannot print: remind the visitor to remember the number. */
  noPaper: boolean;
  onDone: () => void;
}

/** The number just taken, very large, with people ahead and the estimated wait. */
export function IssuedTicket({
  result,
  service,
  priorityClasses,
  publicUrl,
  noPaper,
  onDone,
}: Props) {
  const { t, lang } = useI18n();
  const [secondsLeft, setSecondsLeft] = useState(SHOW_SECONDS);
  const { ticket } = result;

  const finish = useEffectEvent(onDone);
  useEffect(() => {
    const tick = setInterval(() => setSecondsLeft((s) => s - 1), 1000);
    const end = setTimeout(() => finish(), SHOW_SECONDS * 1000);
    return () => {
      clearInterval(tick);
      clearTimeout(end);
    };
  }, []);

  return (
    <section className="issued card" data-testid="issued-ticket">
      <p className="issued-label">{t('kiosk.yourNumber')}</p>
      <p className="ticket-number issued-number" data-testid="issued-number">
        {ticket.number}
      </p>
      {noPaper && (
        <p className="issued-no-paper" role="alert" data-testid="issued-no-paper">
          {t('kiosk.printer.noPaperTicket')}
        </p>
      )}
      <p className="issued-service">{serviceName(service, lang)}</p>
      {ticket.priorityClass && (
        <p className="issued-priority">
          {t('kiosk.priorityTicket', {
            label: priorityLabel(priorityClasses, ticket.priorityClass, lang),
          })}
        </p>
      )}
      <p className="issued-detail" data-testid="issued-ahead">
        {t('kiosk.ahead', { count: result.ahead })}
      </p>
      {result.estimatedWaitMinutes > 0 && (
        <p className="issued-detail">
          {t('kiosk.estimatedWait', { minutes: result.estimatedWaitMinutes })}
        </p>
      )}
      {publicUrl !== null && <TrackingCode token={result.trackingToken} publicUrl={publicUrl} />}
      <p className="issued-thanks">{t('kiosk.thanks')}</p>
      <button
        type="button"
        className="btn btn-ok issued-done"
        data-testid="kiosk-done"
        onClick={onDone}
      >
        {t('kiosk.done')}
      </button>
      <p className="muted">{t('kiosk.autoReturn', { seconds: Math.max(secondsLeft, 0) })}</p>
    </section>
  );
}
