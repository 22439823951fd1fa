import { useEffect, useRef, useState } from 'react';
import type { PrintJob, PrintJobStatus, Ticket } from '@luot/contract';
import { apiPost } from '@luot/ui-shared/api';
import { listen } from '@luot/ui-shared/socket';

/** The reprint this desk asked for last, and where its job stands. */
export interface Reprint {
  number: string;
  jobId: number;
  status: PrintJobStatus;
}

/** Job updates kept so one that beats the POST's answer is not missed. */
const REMEMBERED_UPDATES = 50;

/**
 * Reprints a ticket on the printer it was printed on (else the default one) and follows
 * the job through `print-job:updated` until it is done or failed.
 */
export function useReprint() {
  const [reprint, setReprint] = useState<Reprint | null>(null);
  const seen = useRef(new Map<number, PrintJobStatus>());

  useEffect(
    () =>
      listen('print-job:updated', (job) => {
        seen.current.set(job.id, job.status);
        if (seen.current.size > REMEMBERED_UPDATES) {
          const oldest = seen.current.keys().next().value;
          if (oldest !== undefined) seen.current.delete(oldest);
        }
        setReprint((current) =>
          current?.jobId === job.id ? { ...current, status: job.status } : current,
        );
      }),
    [],
  );

  /** Queues the reprint; rejects with the server's error (e.g. `no_printer`). */
  async function start(ticket: Ticket): Promise<void> {
    const job = await apiPost<PrintJob>(`/api/tickets/${ticket.id}/reprint`);
    setReprint({
      number: ticket.number,
      jobId: job.id,
      status: seen.current.get(job.id) ?? job.status,
    });
  }

  return { reprint, start, clear: () => setReprint(null) };
}
