import type {
  IssueTicketResponse,
  PriorityClassOption,
  PublicCounter,
  Service,
} from '@luot/contract';
import { priorityLabel, waitText } from '@luot/ui-shared/contract';
import { serviceName } from '@luot/ui-shared/format';
import { useI18n, type Translate } from '@luot/ui-shared/use-i18n';
import { TrackingCode } from './TrackingCode';
import { useIdleSecondsLeft } from './use-idle';
import { usePrintState } from './use-print-state';

/** Counter numbers listed by name before "and N more". */
const COUNTERS_LISTED = 8;

interface Props {
  result: IssueTicketResponse;
  service: Service;
  priorityClasses: PriorityClassOption[];
  /** The centre's counters: the ones serving the service are named. */
  counters: readonly Pick<PublicCounter, 'number' | 'serviceIds'>[];
  /** The server's public URL, which the tracking QR code starts with (null: not known yet). */
  publicUrl: string | null;
  /** The kiosk's printer cannot print: remind the visitor to remember the number. */
  noPaper: boolean;
  /** The kiosk goes back to its start this long after the last touch. */
  idleSeconds: number;
  onDone: () => void;
}

/** "1, 2, 5", or "1, 2, … 8 và 4 quầy khác" for a service many counters serve. */
function countersText(t: Translate, numbers: number[]): string {
  const listed = numbers.slice(0, COUNTERS_LISTED).join(', ');
  if (numbers.length <= COUNTERS_LISTED) return listed;
  return t('kiosk.countersMore', { list: listed, count: numbers.length - COUNTERS_LISTED });
}

/**
 * The number just taken, very large, with the service, the counters serving it, people
 * ahead, the estimated wait, the tracking QR code and whether the paper ticket printed; it
 * counts down to going back to the start.
 */
export default function IssuedTicket({
  result,
  service,
  priorityClasses,
  counters,
  publicUrl,
  noPaper,
  idleSeconds,
  onDone,
}: Props) {
  const { t, lang } = useI18n();
  const secondsLeft = useIdleSecondsLeft(idleSeconds);
  const printState = usePrintState(result.trackingToken);
  const { ticket } = result;
  const wait = waitText(t, result.estimatedWaitMinutes);
  const serving = counters
    .filter((c) => c.serviceIds.includes(service.id))
    .map((c) => c.number)
    .sort((a, b) => a - b);
  // The printer was known to be faulty before issuing, or the job has failed since.
  const printFailed = printState === 'failed' || (noPaper && printState !== 'printed');

  return (
    <section className="issued card" data-testid="issued-ticket">
      <div className="issued-main">
        <p className="issued-label">{t('kiosk.yourNumber')}</p>
        <p className="ticket-number issued-number" data-testid="issued-number">
          {ticket.number}
        </p>
        {printState !== null || printFailed ? (
          <p
            className={`print-state print-${printFailed ? 'failed' : printState}`}
            role={printFailed ? 'alert' : 'status'}
            data-testid="print-state"
            data-state={printFailed ? 'failed' : printState}
          >
            {t(
              printFailed
                ? 'kiosk.print.failed'
                : printState === 'printed'
                  ? 'kiosk.print.done'
                  : 'kiosk.print.printing',
            )}
          </p>
        ) : null}
        <p className="issued-service" data-testid="issued-service">
          {serviceName(service, lang)}
        </p>
        {ticket.priorityClass && (
          <p className="issued-priority" data-testid="issued-priority">
            {t('kiosk.priorityTicket', {
              label: priorityLabel(priorityClasses, ticket.priorityClass, lang),
            })}
          </p>
        )}
        {serving.length > 0 && (
          <p className="issued-detail" data-testid="issued-counters">
            {t('kiosk.counters', { counters: countersText(t, serving) })}
          </p>
        )}
        <p className="issued-detail" data-testid="issued-ahead">
          {t('kiosk.ahead', { count: result.ahead })}
        </p>
        <p className="issued-detail" data-testid="issued-wait">
          {wait !== null ? t('kiosk.estimatedWait', { wait }) : t('kiosk.estimatedWaitUnderMinute')}
        </p>
      </div>
      <div className="issued-side">
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
        <p className="muted issued-countdown" data-testid="idle-countdown">
          {t('kiosk.autoReturn', { seconds: secondsLeft })}
        </p>
      </div>
    </section>
  );
}
