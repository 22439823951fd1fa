import { useState, type FormEvent } from 'react';
import type { CancelRequest, MessageKey, Ticket, TicketResponse } from '@luot/contract';
import { apiPost } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { useAction } from './use-action';

/** Reasons a clerk can pick with one tap; any other can be typed. */
const SUGGESTED_REASONS: MessageKey[] = [
  'counter.cancelReason.notNeeded',
  'counter.cancelReason.wrongService',
  'counter.cancelReason.duplicate',
];

interface Props {
  ticket: Ticket;
  onClose: () => void;
  onError: (error: unknown) => void;
}

/** Cancels a waiting, called or parked ticket; a reason is required. */
export function CancelDialog({ ticket, onClose, onError }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const action = useAction(onError);
  const trimmed = reason.trim();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (trimmed === '') return;
    const body: CancelRequest = { reason: trimmed };
    const done = await action.run('cancel', () =>
      apiPost<TicketResponse>(`/api/tickets/${ticket.id}/cancel`, body),
    );
    if (done) onClose();
  }

  return (
    <Dialog
      title={t('counter.cancelTitle', { number: ticket.number })}
      onClose={onClose}
      testId="cancel-dialog"
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <div className="chips">
          {SUGGESTED_REASONS.map((key) => (
            <button
              key={key}
              type="button"
              className={`chip${reason === t(key) ? ' chip-on' : ''}`}
              onClick={() => setReason(t(key))}
            >
              {t(key)}
            </button>
          ))}
        </div>
        <label className="field">
          {t('counter.cancelReason')}
          <input
            data-testid="cancel-reason"
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
          />
        </label>
        <ErrorAlert error={action.error} testId="cancel-error" />
        <button
          type="submit"
          className="btn btn-danger dialog-submit"
          data-testid="cancel-submit"
          disabled={trimmed === '' || action.pending !== null}
        >
          {t('counter.cancelTicket')}
        </button>
      </form>
    </Dialog>
  );
}
