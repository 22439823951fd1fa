import { useCallback, useRef, useState } from 'react';
import type { IssueTicketRequest, IssueTicketResponse, PriorityClass } from '@luot/contract';
import { ApiRequestError, apiPost } from '@luot/ui-shared/api';
import { newRequestId } from '@luot/ui-shared/request-id';
import { errorText, type Translate } from '@luot/ui-shared/use-i18n';

/** One try at taking a number; a retry of it reuses its idempotency key. */
interface Attempt {
  key: string;
  serviceId: number;
  priorityClass: PriorityClass | null;
}

/** Why the server may refuse a number for a service (422): trying again will not help. */
const REFUSALS: readonly string[] = ['centre_closed', 'service_closed', 'daily_cap_reached'];

/** Whether an issue failure is the server refusing the service, not a fault worth retrying. */
export function isRefusal(error: unknown): boolean {
  return error instanceof ApiRequestError && REFUSALS.includes(error.code);
}

/**
 * What the kiosk tells a visitor whose number could not be issued. A storage fault gets
 * its own sentence: the visitor needs to hear that no number was issued and what to do,
 * not that the server cannot save data.
 */
export function issueFailureText(t: Translate, error: unknown): string {
  if (error instanceof ApiRequestError && error.code === 'storage_unavailable') {
    return t('kiosk.storageUnavailable');
  }
  return errorText(t, error);
}

/** Where taking a number stands. */
export type IssueState =
  | { status: 'idle' }
  | { status: 'pending'; attempt: Attempt }
  | { status: 'failed'; attempt: Attempt; error: unknown }
  | { status: 'issued'; attempt: Attempt; response: IssueTicketResponse };

/**
 * Takes a number with `POST /api/tickets`. A double tap while a request is in flight
 * is ignored, and a retry after a failure sends the same key, so one attempt never
 * makes two tickets.
 */
export function useIssueTicket() {
  const [state, setState] = useState<IssueState>({ status: 'idle' });
  const inFlight = useRef(false);

  const send = useCallback(async (attempt: Attempt) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setState({ status: 'pending', attempt });
    const body: IssueTicketRequest = {
      serviceId: attempt.serviceId,
      priorityClass: attempt.priorityClass,
    };
    try {
      const response = await apiPost<IssueTicketResponse>('/api/tickets', body, attempt.key);
      setState({ status: 'issued', attempt, response });
    } catch (error) {
      setState({ status: 'failed', attempt, error });
    } finally {
      inFlight.current = false;
    }
  }, []);

  const issue = useCallback(
    (serviceId: number, priorityClass: PriorityClass | null) =>
      send({ key: newRequestId(), serviceId, priorityClass }),
    [send],
  );

  const retry = useCallback(() => {
    if (state.status === 'failed') void send(state.attempt);
  }, [send, state]);

  const reset = useCallback(() => setState({ status: 'idle' }), []);

  return { state, issue, retry, reset };
}
