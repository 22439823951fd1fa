import { useEffect, useState } from 'react';
import type { PrintJob, StateSnapshot } from '@luot/contract';
import { apiPost } from '@luot/ui-shared/api';
import { listen } from '@luot/ui-shared/socket';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert } from './ErrorAlert';
import { useAction } from './use-action';
import { useRefreshedList } from './use-ticket-list';

interface Props {
  state: StateSnapshot;
  onError: (error: unknown) => void;
}

const FAILED_IN_QUEUE = '/api/print-jobs?status=failed&inQueue=true&latest=true';

/**
 * For supervisors: tickets whose printing failed although their visitors are still in
 * the queue, each with "In lại" once the printer is fixed. Follows the queue and every
 * job that ends (`print-job:updated`).
 */
export function FailedPrintsList({ state, onError }: Props) {
  const { t } = useI18n();
  const [jobsEnded, setJobsEnded] = useState(0);
  const action = useAction(onError);
  const { items: jobs, error: listError } = useRefreshedList<PrintJob>(
    FAILED_IN_QUEUE,
    state.seq + jobsEnded,
    onError,
  );

  useEffect(
    () =>
      listen('print-job:updated', (job) => {
        if (job.status !== 'queued' && job.status !== 'printing') setJobsEnded((n) => n + 1);
      }),
    [],
  );

  const printerName = (id: number) =>
    state.printers.find((p) => p.printerId === id)?.name ?? `#${id}`;

  return (
    <section className="side-list" data-testid="failed-prints">
      <h3>
        {t('printers.failedJobs')}
        {jobs !== null && <span className="count-badge">{jobs.length}</span>}
      </h3>
      <ErrorAlert error={action.error ?? listError} />
      {jobs?.length === 0 && <p className="muted">{t('counter.listEmpty')}</p>}
      <ul className="printer-list">
        {jobs?.map((job) => (
          <li
            key={job.id}
            className="printer-row printer-row-fault"
            data-testid={`failed-print-${job.ticketNumber}`}
            title={job.lastError ?? undefined}
          >
            <span className="printer-row-name">
              {t('printers.failedJob', {
                number: job.ticketNumber,
                printer: printerName(job.printerId),
              })}
            </span>
            <button
              type="button"
              className="btn btn-secondary"
              data-testid={`reprint-${job.ticketNumber}`}
              disabled={action.pending !== null}
              onClick={() =>
                void action.run('reprint', async () => {
                  await apiPost<PrintJob>(`/api/tickets/${job.ticketId}/reprint`);
                  setJobsEnded((n) => n + 1);
                })
              }
            >
              {t('printers.retry')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
