import { useEffect, useEffectEvent } from 'react';
import type { PublicCounter, Service, StateSnapshot } from '@luot/contract';
import { ApiRequestError } from '@luot/ui-shared/api';
import IssuedTicket from './IssuedTicket';
import PriorityPicker from './PriorityPicker';
import { useIssueTicket } from './use-issue-ticket';

interface Props {
  service: Service;
  centre: StateSnapshot['centre'] | null;
  counters: readonly Pick<PublicCounter, 'number' | 'serviceIds'>[];
  noPaper: boolean;
  idleSeconds: number;
  /** While a number is being issued (the kiosk must not go back to its start meanwhile). */
  onBusy: (busy: boolean) => void;
  /** The server refused the kiosk for not being paired. */
  onNotPaired: () => void;
  /** Back to the menu without a number. */
  onBack: () => void;
  /** The visitor has the number: start over for the next one. */
  onDone: () => void;
}

/**
 * Taking a number for a chosen service: the priority question, then the number. Loaded
 * only once a visitor has chosen, to keep the kiosk's first load small.
 */
export default function TakeNumber({
  service,
  centre,
  counters,
  noPaper,
  idleSeconds,
  onBusy,
  onNotPaired,
  onBack,
  onDone,
}: Props) {
  const { state: issue, issue: issueTicket, retry } = useIssueTicket();
  const busy = issue.status === 'pending';
  const notPaired =
    issue.status === 'failed' &&
    issue.error instanceof ApiRequestError &&
    issue.error.code === 'kiosk_not_paired';

  const tellBusy = useEffectEvent(onBusy);
  useEffect(() => tellBusy(busy), [busy]);
  useEffect(() => () => tellBusy(false), []);
  const tellNotPaired = useEffectEvent(onNotPaired);
  useEffect(() => {
    if (notPaired) tellNotPaired();
  }, [notPaired]);

  const priorityClasses = centre?.priorityClasses ?? [];
  if (issue.status === 'issued') {
    return (
      <IssuedTicket
        result={issue.response}
        service={service}
        priorityClasses={priorityClasses}
        counters={counters}
        publicUrl={centre?.publicUrl ?? null}
        noPaper={noPaper}
        idleSeconds={idleSeconds}
        onDone={onDone}
      />
    );
  }
  return (
    <PriorityPicker
      service={service}
      priorityClasses={priorityClasses}
      issue={issue}
      onChoose={(priorityClass) => void issueTicket(service.id, priorityClass)}
      onRetry={retry}
      onBack={onBack}
    />
  );
}
