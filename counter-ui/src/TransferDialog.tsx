import { useState, type FormEvent } from 'react';
import type {
  Counter,
  StateSnapshot,
  Ticket,
  TicketResponse,
  TransferRequest,
} from '@luot/contract';
import { apiPost } from '@luot/ui-shared/api';
import { serviceName } from '@luot/ui-shared/format';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { useAction } from './use-action';

interface Props {
  state: StateSnapshot;
  counter: Counter;
  ticket: Ticket;
  onClose: () => void;
  onError: (error: unknown) => void;
}

/** Sends the current ticket to another service and/or a named counter, with a note. */
export function TransferDialog({ state, counter, ticket, onClose, onError }: Props) {
  const { t, lang } = useI18n();
  const [serviceId, setServiceId] = useState<number | undefined>(undefined);
  const [counterId, setCounterId] = useState<number | undefined>(undefined);
  const [note, setNote] = useState('');
  const action = useAction(onError);
  const ready = serviceId !== undefined || counterId !== undefined;
  const otherServices = state.services.filter((s) => s.id !== ticket.serviceId);
  const otherCounters = state.counters.filter((c) => c.id !== counter.id);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    const body: TransferRequest = { serviceId, counterId, note: note.trim() || undefined };
    const done = await action.run('transfer', () =>
      apiPost<TicketResponse>(`/api/counters/${counter.id}/transfer`, body),
    );
    if (done) onClose();
  }

  return (
    <Dialog
      title={t('counter.transferTitle', { number: ticket.number })}
      onClose={onClose}
      testId="transfer-dialog"
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <fieldset className="choice-group">
          <legend>{t('counter.transferService')}</legend>
          <Choice
            name="service"
            checked={serviceId === undefined}
            onChange={() => setServiceId(undefined)}
            testId="transfer-service-keep"
            label={t('counter.keepService')}
          />
          {otherServices.map((service) => (
            <Choice
              key={service.id}
              name="service"
              checked={serviceId === service.id}
              onChange={() => setServiceId(service.id)}
              testId={`transfer-service-${service.code}`}
              label={`${service.prefix} · ${serviceName(service, lang)}`}
            />
          ))}
        </fieldset>
        <fieldset className="choice-group choice-group-small">
          <legend>{t('counter.transferCounter')}</legend>
          <Choice
            name="counter"
            checked={counterId === undefined}
            onChange={() => setCounterId(undefined)}
            testId="transfer-counter-any"
            label={t('counter.anyCounter')}
          />
          {otherCounters.map((c) => (
            <Choice
              key={c.id}
              name="counter"
              checked={counterId === c.id}
              onChange={() => setCounterId(c.id)}
              testId={`transfer-counter-${c.number}`}
              label={c.staff ? `${c.name} · ${c.staff.displayName}` : c.name}
            />
          ))}
        </fieldset>
        <label className="field">
          {t('counter.note')}
          <textarea
            data-testid="transfer-note"
            maxLength={500}
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <div className="dialog-actions">
          {!ready && <p className="muted">{t('counter.transferNeedsTarget')}</p>}
          <ErrorAlert error={action.error} testId="transfer-error" />
          <button
            type="submit"
            className="btn dialog-submit"
            data-testid="transfer-submit"
            disabled={!ready || action.pending !== null}
          >
            {t('counter.transfer')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface ChoiceProps {
  name: string;
  checked: boolean;
  onChange: () => void;
  testId: string;
  label: string;
}

/** One large radio option, the whole tile tappable. */
function Choice({ name, checked, onChange, testId, label }: ChoiceProps) {
  return (
    <label className={`choice${checked ? ' choice-checked' : ''}`} data-testid={testId}>
      <input type="radio" name={name} checked={checked} onChange={onChange} />
      <span>{label}</span>
    </label>
  );
}
