import { useState } from 'react';
import type {
  CounterConfig,
  CounterConfigResponse,
  DeleteResponse,
  MessageKey,
  ServiceConfig,
} from '@luot/contract';
import { apiPost, apiSend } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { Check, ErrorAlert, Field, Notice, NoticeScope, useAction } from '../form';
import type { PageProps } from '../pages';
import { byOrder } from './GroupsPanel';
import { TierEditor } from './TierEditor';
import { deletedNotice, useCatalogue } from './use-catalogue';
import './catalogue.css';
import { RowActions } from './RowActions';

/**
 * The desks: number, name, the services each calls in ranked tiers, and who holds it now.
 * Admins change them; supervisors see the list only.
 */
export function CountersPage({ user }: PageProps) {
  const { t } = useI18n();
  const readOnly = user.role !== 'admin';
  const catalogue = useCatalogue();
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const services = [...(catalogue.data?.services ?? [])].sort(byOrder);
  const counters = [...(catalogue.data?.counters ?? [])].sort((a, b) => a.number - b.number);
  const code = (id: number) => services.find((s) => s.id === id)?.code ?? `#${id}`;

  const act = (work: () => Promise<string | null>) =>
    void action.run(async () => {
      setNotice(null);
      setNotice(await work());
      catalogue.reload();
    });
  const saved = (message: string) => {
    setEditing(null);
    setNotice(message);
    catalogue.reload();
  };

  return (
    <NoticeScope clear={setNotice}>
      <h2>{t('admin.counters.title')}</h2>
      {readOnly && (
        <p className="muted" data-testid="catalogue-read-only">
          {t('admin.readOnly')}
        </p>
      )}
      <ErrorAlert error={catalogue.error} testId="catalogue-error" />
      {!readOnly && <CounterForm services={services} onSaved={saved} />}
      <ErrorAlert error={action.error} testId="counters-error" />
      <Notice testId="counters-notice">{notice}</Notice>
      {catalogue.data && counters.length === 0 && (
        <p className="muted">{t('admin.counters.none')}</p>
      )}
      {counters.length > 0 && (
        <table className="admin-table" data-testid="counters-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.counters.number')}</th>
              <th scope="col">{t('admin.catalogue.name')}</th>
              <th scope="col">{t('admin.counters.tiers')}</th>
              <th scope="col">{t('admin.counters.heldBy')}</th>
              <th scope="col">{t('admin.catalogue.status')}</th>
              {!readOnly && <th scope="col">{t('admin.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {counters.map((counter) => (
              <tr key={counter.id} data-testid={`counter-${counter.number}`}>
                <td>{counter.number}</td>
                <td>{counter.name}</td>
                <td>
                  {counter.tiers.map((tier, i) => (
                    <span key={i} className="block">
                      {i + 1}. {tier.map(code).join(', ')}
                    </span>
                  ))}
                </td>
                <td data-testid={`counter-holder-${counter.number}`}>
                  {counter.staff?.displayName ?? t('admin.counters.nobody')}
                </td>
                <td>
                  {counter.active
                    ? t(`admin.counters.status.${counter.status}` as MessageKey)
                    : t('admin.catalogue.inactive')}
                </td>
                {!readOnly && (
                  <td className="row-actions">
                    <RowActions
                      kind="counter"
                      rowKey={counter.number}
                      editing={editing === counter.id}
                      active={counter.active}
                      pending={action.pending}
                      on={{
                        onEdit: () => setEditing(editing === counter.id ? null : counter.id),
                        onToggle: () =>
                          act(async () => {
                            await apiSend('PATCH', `/api/counters/${counter.id}`, {
                              active: !counter.active,
                            });
                            return t('admin.saved');
                          }),
                        onDelete: () =>
                          act(async () => {
                            const done = await apiSend<DeleteResponse<'counter', CounterConfig>>(
                              'DELETE',
                              `/api/counters/${counter.id}`,
                            );
                            return t(deletedNotice(done), { name: counter.name });
                          }),
                      }}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && editing !== null && counters.some((c) => c.id === editing) && (
        <CounterForm
          key={editing}
          counter={counters.find((c) => c.id === editing)}
          services={services}
          onSaved={saved}
        />
      )}
    </NoticeScope>
  );
}

/** A new counter, or the one given: number, name, tiers, active flag. */
function CounterForm({
  counter,
  services,
  onSaved,
}: {
  counter?: CounterConfig;
  services: ServiceConfig[];
  onSaved: (message: string) => void;
}) {
  const { t } = useI18n();
  const [number, setNumber] = useState(counter ? String(counter.number) : '');
  const [name, setName] = useState(counter?.name ?? '');
  const [tiers, setTiers] = useState<number[][]>(counter?.tiers ?? [[]]);
  const [active, setActive] = useState(counter?.active ?? true);
  const action = useAction();
  const id = counter ? 'counter-edit' : 'counter-new';

  return (
    <form
      noValidate
      className="admin-form card"
      data-testid={`${id}-form`}
      onSubmit={action.submit(async () => {
        const body = {
          number: Number(number),
          name: name.trim(),
          tiers: tiers.filter((tier) => tier.length > 0),
        };
        if (counter) {
          await apiSend<CounterConfigResponse>('PATCH', `/api/counters/${counter.id}`, {
            ...body,
            active,
          });
          onSaved(t('admin.saved'));
          return;
        }
        const created = await apiPost<CounterConfigResponse>('/api/counters', body);
        setNumber('');
        setName('');
        setTiers([[]]);
        onSaved(t('admin.counters.created', { number: created.counter.number }));
      })}
    >
      <h3>
        {counter
          ? t('admin.counters.editTitle', { number: counter.number })
          : t('admin.counters.create')}
      </h3>
      <div className="field-grid">
        <Field
          label={t('admin.counters.number')}
          testId={`${id}-number`}
          type="number"
          required
          min={1}
          max={9999}
          value={number}
          onChange={setNumber}
        />
        <Field
          label={t('admin.catalogue.name')}
          testId={`${id}-name`}
          required
          maxLength={100}
          value={name}
          onChange={setName}
        />
        {counter && (
          <Check
            label={t('admin.catalogue.activeFlag')}
            testId={`${id}-active`}
            checked={active}
            onChange={setActive}
          />
        )}
      </div>
      <p className="field-hint">{t('admin.counters.tiersHint')}</p>
      <TierEditor testId={`${id}-tiers`} services={services} tiers={tiers} onChange={setTiers} />
      <ErrorAlert error={action.error} testId={`${id}-error`} />
      <button type="submit" className="btn" data-testid={`${id}-submit`} disabled={action.pending}>
        {counter ? t('admin.save') : t('admin.counters.create')}
      </button>
    </form>
  );
}
