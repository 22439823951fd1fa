import { useState } from 'react';
import type { Device, MessageKey, PrintJob, PrinterView } from '@luot/contract';
import { apiGet, apiPost, apiSend } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import {
  Check,
  ErrorAlert,
  Field,
  Notice,
  NoticeScope,
  Select,
  formatMoment,
  useAction,
  useResource,
} from '../form';

/** How often printer states and failed jobs are read again. */
const REFRESH_MS = 10_000;
const FAILED_JOBS = '/api/print-jobs?status=failed&inQueue=true&latest=true';

/** Ticket printers: add, check, test print, switch on or off, remove; tickets that did not print. */
export function PrintersPage() {
  const { t, lang } = useI18n();
  const printers = useResource<PrinterView[]>('/api/printers', REFRESH_MS);
  const devices = useResource<Device[]>('/api/devices');
  const jobs = useResource<PrintJob[]>(FAILED_JOBS, REFRESH_MS);
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const kiosks = (devices.data ?? []).filter((d) => d.kind === 'kiosk');
  const printerName = (id: number) => printers.data?.find((p) => p.id === id)?.name ?? `#${id}`;

  const act = (work: () => Promise<string | null>) =>
    void action.run(async () => {
      setNotice(null);
      setNotice(await work());
      printers.reload();
      jobs.reload();
    });

  return (
    <NoticeScope clear={setNotice}>
      <h2>{t('admin.printers.title')}</h2>
      <AddPrinter
        kiosks={kiosks}
        onAdded={() => {
          setNotice(t('admin.saved'));
          printers.reload();
        }}
      />
      <ErrorAlert error={action.error ?? printers.error} testId="printers-error" />
      <Notice testId="printers-notice">{notice}</Notice>
      {printers.data?.length === 0 && <p className="muted">{t('admin.printers.none')}</p>}
      {printers.data && printers.data.length > 0 && (
        <table className="admin-table" data-testid="printers-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.printers.name')}</th>
              <th scope="col">{t('admin.printers.kiosk')}</th>
              <th scope="col">{t('admin.printers.state')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {printers.data.map((printer) => (
              <tr key={printer.id} data-testid={`printer-${printer.id}`}>
                <td>
                  {printer.name}
                  {printer.isDefault && ` (${t('admin.printers.default')})`}
                  <small className="muted block">{printer.target}</small>
                </td>
                <td>
                  {printer.deviceId === null
                    ? t('admin.printers.noKiosk')
                    : (kiosks.find((k) => k.id === printer.deviceId)?.name ??
                      `#${printer.deviceId}`)}
                </td>
                <td data-testid={`printer-state-${printer.id}`}>
                  {!printer.active
                    ? t('admin.printers.inactive')
                    : t(`printer.state.${printer.status?.state ?? 'unknown'}` as MessageKey)}
                  {printer.status?.at && (
                    <small className="muted block">{formatMoment(printer.status.at, lang)}</small>
                  )}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    data-testid={`printer-check-${printer.id}`}
                    disabled={action.pending || !printer.active}
                    onClick={() =>
                      act(async () => {
                        await apiGet(`/api/printers/${printer.id}/status`);
                        return null;
                      })
                    }
                  >
                    {t('admin.printers.checkStatus')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    data-testid={`printer-test-${printer.id}`}
                    disabled={action.pending}
                    onClick={() =>
                      act(async () => {
                        await apiPost(`/api/printers/${printer.id}/test`, {});
                        return t('admin.printers.tested', { name: printer.name });
                      })
                    }
                  >
                    {t('admin.printers.test')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    data-testid={`printer-active-${printer.id}`}
                    disabled={action.pending}
                    onClick={() =>
                      act(async () => {
                        await apiSend('PATCH', `/api/printers/${printer.id}`, {
                          active: !printer.active,
                        });
                        return t('admin.saved');
                      })
                    }
                  >
                    {printer.active ? t('admin.printers.deactivate') : t('admin.printers.activate')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-danger btn-small"
                    data-testid={`printer-remove-${printer.id}`}
                    disabled={action.pending}
                    onClick={() => {
                      if (confirming !== printer.id) {
                        setConfirming(printer.id);
                        return;
                      }
                      setConfirming(null);
                      act(async () => {
                        await apiSend('DELETE', `/api/printers/${printer.id}`);
                        return null;
                      });
                    }}
                  >
                    {confirming === printer.id
                      ? t('admin.printers.confirmRemove')
                      : t('admin.printers.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('admin.printers.failedJobs')}</h3>
      <ErrorAlert error={jobs.error} />
      {jobs.data?.length === 0 && <p className="muted">{t('admin.printers.noFailedJobs')}</p>}
      {jobs.data && jobs.data.length > 0 && (
        <ul className="job-list" data-testid="failed-jobs">
          {jobs.data.map((job) => (
            <li key={job.id} data-testid={`job-${job.id}`}>
              <span>
                <strong>{job.ticketNumber}</strong> · {printerName(job.printerId)} ·{' '}
                {formatMoment(job.updatedAt, lang)}
              </span>
              <button
                type="button"
                className="btn btn-small"
                disabled={action.pending}
                onClick={() =>
                  act(async () => {
                    await apiPost(`/api/tickets/${job.ticketId}/reprint`, {});
                    return t('admin.printers.reprinted', { number: job.ticketNumber });
                  })
                }
              >
                {t('admin.printers.reprint')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </NoticeScope>
  );
}

function AddPrinter({ kiosks, onAdded }: { kiosks: Device[]; onAdded: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [target, setTarget] = useState('');
  const [deviceId, setDeviceId] = useState('');
  const [isDefault, setIsDefault] = useState(false);
  const action = useAction();

  return (
    <form
      noValidate
      className="admin-form card"
      data-testid="printer-add"
      onSubmit={action.submit(async () => {
        await apiPost('/api/printers', {
          name: name.trim(),
          target: target.trim(),
          isDefault,
          ...(deviceId !== '' ? { deviceId: Number(deviceId) } : {}),
        });
        setName('');
        setTarget('');
        setDeviceId('');
        setIsDefault(false);
        onAdded();
      })}
    >
      <h3>{t('admin.printers.add')}</h3>
      <div className="field-grid">
        <Field
          label={t('admin.printers.name')}
          testId="printer-name"
          required
          maxLength={100}
          value={name}
          onChange={setName}
        />
        <Field
          label={t('admin.printers.target')}
          testId="printer-target"
          required
          maxLength={300}
          value={target}
          onChange={setTarget}
        />
        <Select
          label={t('admin.printers.kiosk')}
          testId="printer-device"
          value={deviceId}
          onChange={setDeviceId}
          options={[
            { value: '', label: t('admin.printers.noKiosk') },
            ...kiosks.map((k) => ({ value: String(k.id), label: k.name })),
          ]}
        />
      </div>
      <Check
        label={t('admin.printers.isDefault')}
        testId="printer-default"
        checked={isDefault}
        onChange={setIsDefault}
      />
      <ErrorAlert error={action.error} testId="printer-add-error" />
      <button type="submit" className="btn" data-testid="printer-submit" disabled={action.pending}>
        {t('admin.printers.add')}
      </button>
    </form>
  );
}
