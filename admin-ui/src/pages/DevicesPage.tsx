import { useState } from 'react';
import type {
  AgentTokenResponse,
  Device,
  DeviceResponse,
  ListedDevice,
  MessageKey,
  PrinterView,
  StateSnapshot,
  UpdateDeviceRequest,
} from '@luot/contract';
import { apiPost, apiSend } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert, Field, Notice, Select, formatMoment, useAction, useResource } from '../form';

type Choice = { id: number; label: string };

/** How often the list is read again, for devices pairing and last-seen times. */
const REFRESH_MS = 5000;

/**
 * The printer a kiosk prints on: its own active printer, else the centre's default one
 * (as the print service routes tickets); null when it has none.
 */
export function kioskPrinter(
  kioskId: number,
  printers: readonly PrinterView[],
): { printer: PrinterView; shared: boolean } | null {
  const own = printers.find((p) => p.active && p.deviceId === kioskId);
  if (own) return { printer: own, shared: false };
  const shared = printers.find((p) => p.active && p.isDefault);
  return shared ? { printer: shared, shared: true } : null;
}

/**
 * Paired devices: approve a code, see each one online or not and a kiosk's printer, set a
 * display's filters, un-pair.
 */
export function DevicesPage() {
  const { t, lang } = useI18n();
  // A device is listed once it has collected its token (its next poll after approval).
  const devices = useResource<ListedDevice[]>('/api/devices', REFRESH_MS);
  const printers = useResource<PrinterView[]>('/api/printers', REFRESH_MS);
  const state = useResource<StateSnapshot>('/api/state');
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const counters: Choice[] = (state.data?.counters ?? []).map((c) => ({
    id: c.id,
    label: t('admin.devices.counterNumber', { number: c.number }),
  }));
  const services: Choice[] = (state.data?.services ?? []).map((s) => ({
    id: s.id,
    label: lang === 'en' ? s.nameEn : s.name,
  }));
  const counterLabel = (id: number | null) =>
    id === null
      ? t('admin.devices.noCounter')
      : (counters.find((c) => c.id === id)?.label ?? `#${id}`);
  const filterLabel = (ids: number[] | null) =>
    ids === null ? t('admin.devices.all') : t('admin.devices.filtered', { count: ids.length });

  const act = (work: () => Promise<string | null>) =>
    void action.run(async () => {
      setNotice(null);
      setNotice(await work());
      devices.reload();
    });

  return (
    <>
      <h2>{t('admin.devices.title')}</h2>
      <ApprovePairing
        counters={counters}
        onPaired={(device) => {
          setNotice(t('admin.devices.approved', { name: device.name }));
          devices.reload();
        }}
      />
      <ErrorAlert error={action.error ?? devices.error} testId="devices-error" />
      <Notice testId="devices-notice">{notice}</Notice>
      {devices.data?.length === 0 && <p className="muted">{t('admin.devices.none')}</p>}
      {devices.data && devices.data.length > 0 && (
        <table className="admin-table" data-testid="devices-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.devices.name')}</th>
              <th scope="col">{t('admin.devices.kind')}</th>
              <th scope="col">{t('admin.devices.presence')}</th>
              <th scope="col">{t('admin.devices.lastSeen')}</th>
              <th scope="col">{t('admin.devices.printer')}</th>
              <th scope="col">{t('admin.devices.settings')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.data.map((device) => (
              <tr key={device.id} data-testid={`device-${device.id}`}>
                <td>{device.name}</td>
                <td>{t(`admin.devices.kind.${device.kind}` as MessageKey)}</td>
                <td data-testid={`device-presence-${device.id}`}>
                  <span className={device.online ? 'presence presence-on' : 'presence'}>
                    {device.online ? t('admin.devices.online') : t('admin.devices.offline')}
                  </span>
                </td>
                <td>
                  {device.lastSeenAt
                    ? formatMoment(device.lastSeenAt, lang)
                    : t('admin.devices.never')}
                </td>
                <td data-testid={`device-printer-${device.id}`}>
                  {device.kind === 'kiosk' && printers.data && (
                    <KioskPrinter bound={kioskPrinter(device.id, printers.data)} />
                  )}
                </td>
                <td>
                  {device.kind === 'counter' && counterLabel(device.counterId)}
                  {device.kind === 'display' && (
                    <>
                      {t('admin.devices.filterServices')}: {filterLabel(device.serviceIds)}
                      <br />
                      {t('admin.devices.filterCounters')}: {filterLabel(device.counterIds)}
                    </>
                  )}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    data-testid={`device-edit-${device.id}`}
                    aria-expanded={editing === device.id}
                    onClick={() => setEditing(editing === device.id ? null : device.id)}
                  >
                    {t('admin.devices.edit')}
                  </button>
                  {device.kind === 'kiosk' && (
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      data-testid={`device-agent-${device.id}`}
                      disabled={action.pending}
                      onClick={() =>
                        act(async () => {
                          const { token } = await apiPost<AgentTokenResponse>(
                            `/api/devices/${device.id}/agent-token`,
                          );
                          return `${t('admin.devices.agentTokenShown', { name: device.name, token })} ${t('admin.showOnce')}`;
                        })
                      }
                    >
                      {t('admin.devices.agentToken')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn btn-danger btn-small"
                    data-testid={`device-unpair-${device.id}`}
                    disabled={action.pending}
                    onClick={() => {
                      if (confirming !== device.id) {
                        setConfirming(device.id);
                        return;
                      }
                      setConfirming(null);
                      act(async () => {
                        await apiSend('DELETE', `/api/devices/${device.id}`);
                        return null;
                      });
                    }}
                  >
                    {confirming === device.id
                      ? t('admin.devices.confirmUnpair')
                      : t('admin.devices.unpair')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing !== null && devices.data?.some((d) => d.id === editing) && (
        <EditDevice
          key={editing}
          device={devices.data.find((d) => d.id === editing) as Device}
          counters={counters}
          services={services}
          onSaved={() => {
            setEditing(null);
            setNotice(t('admin.saved'));
            devices.reload();
          }}
        />
      )}
    </>
  );
}

/** A kiosk's printer: its name and state, the state marked when it stops printing. */
function KioskPrinter({ bound }: { bound: ReturnType<typeof kioskPrinter> }) {
  const { t } = useI18n();
  if (!bound) return <span className="muted">{t('admin.devices.noPrinter')}</span>;
  const { printer, shared } = bound;
  const state = printer.status?.state ?? 'unknown';
  return (
    <>
      {shared ? t('admin.devices.sharedPrinter', { name: printer.name }) : printer.name}
      <span className={state === 'online' ? 'block' : 'block printer-trouble'}>
        {t(`printer.state.${state}` as MessageKey)}
      </span>
    </>
  );
}

function ApprovePairing({
  counters,
  onPaired,
}: {
  counters: Choice[];
  onPaired: (device: Device) => void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [counterId, setCounterId] = useState('');
  const action = useAction();

  return (
    <form
      className="admin-form card"
      data-testid="pair-form"
      onSubmit={action.submit(async () => {
        const { device } = await apiPost<DeviceResponse>('/api/devices/pair', {
          code: code.trim(),
          name: name.trim(),
          ...(counterId !== '' ? { counterId: Number(counterId) } : {}),
        });
        setCode('');
        setName('');
        setCounterId('');
        onPaired(device);
      })}
    >
      <h3>{t('admin.devices.approve')}</h3>
      <p className="field-hint">{t('admin.devices.approveHint')}</p>
      <div className="field-grid">
        <Field
          label={t('admin.devices.code')}
          testId="pair-code"
          required
          inputMode="numeric"
          pattern="\s*[0-9]{6}\s*"
          maxLength={8}
          autoComplete="off"
          value={code}
          onChange={setCode}
        />
        <Field
          label={t('admin.devices.name')}
          testId="pair-name"
          required
          maxLength={100}
          value={name}
          onChange={setName}
        />
        <Select
          label={t('admin.devices.counter')}
          testId="pair-counter"
          value={counterId}
          onChange={setCounterId}
          options={[
            { value: '', label: t('admin.devices.counterAsked') },
            ...counters.map((c) => ({ value: String(c.id), label: c.label })),
          ]}
        />
      </div>
      <ErrorAlert error={action.error} testId="pair-error" />
      <button type="submit" className="btn" data-testid="pair-submit" disabled={action.pending}>
        {t('admin.devices.approve')}
      </button>
    </form>
  );
}

interface EditProps {
  device: Device;
  counters: Choice[];
  services: Choice[];
  onSaved: () => void;
}

/** A device's name, and a counter screen's counter or a hall display's filters. */
function EditDevice({ device, counters, services, onSaved }: EditProps) {
  const { t } = useI18n();
  const [name, setName] = useState(device.name);
  const [counterId, setCounterId] = useState(
    device.counterId === null ? '' : String(device.counterId),
  );
  const [serviceIds, setServiceIds] = useState<number[] | null>(device.serviceIds);
  const [counterIds, setCounterIds] = useState<number[] | null>(device.counterIds);
  const action = useAction();

  return (
    <form
      className="admin-form card"
      data-testid="device-edit-form"
      onSubmit={action.submit(async () => {
        const patch: UpdateDeviceRequest = { name: name.trim() };
        if (device.kind === 'counter') {
          patch.counterId = counterId === '' ? null : Number(counterId);
        }
        if (device.kind === 'display') {
          patch.serviceIds = serviceIds;
          patch.counterIds = counterIds;
        }
        await apiSend<DeviceResponse>('PATCH', `/api/devices/${device.id}`, patch);
        onSaved();
      })}
    >
      <h3>{t('admin.devices.editTitle', { name: device.name })}</h3>
      <div className="field-grid">
        <Field
          label={t('admin.devices.name')}
          testId="edit-name"
          required
          maxLength={100}
          value={name}
          onChange={setName}
        />
        {device.kind === 'counter' && (
          <Select
            label={t('admin.devices.counter')}
            testId="edit-counter"
            value={counterId}
            onChange={setCounterId}
            options={[
              { value: '', label: t('admin.devices.noCounter') },
              ...counters.map((c) => ({ value: String(c.id), label: c.label })),
            ]}
          />
        )}
      </div>
      {device.kind === 'display' && (
        <div className="field-grid">
          <ChoiceList
            legend={t('admin.devices.filterServices')}
            testId="edit-services"
            choices={services}
            chosen={serviceIds}
            onChange={setServiceIds}
          />
          <ChoiceList
            legend={t('admin.devices.filterCounters')}
            testId="edit-counters"
            choices={counters}
            chosen={counterIds}
            onChange={setCounterIds}
          />
        </div>
      )}
      <ErrorAlert error={action.error} testId="device-edit-error" />
      <button type="submit" className="btn" data-testid="edit-submit" disabled={action.pending}>
        {t('admin.save')}
      </button>
    </form>
  );
}

/** "All", or some of the choices (at most 100, as the server allows). */
function ChoiceList({
  legend,
  testId,
  choices,
  chosen,
  onChange,
}: {
  legend: string;
  testId: string;
  choices: Choice[];
  chosen: number[] | null;
  onChange: (ids: number[] | null) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="choice-list" data-testid={testId}>
      <legend>{legend}</legend>
      <label className="field-check">
        <input
          type="checkbox"
          checked={chosen === null}
          onChange={(e) => onChange(e.target.checked ? null : [])}
        />
        {t('admin.devices.all')}
      </label>
      {chosen !== null &&
        choices.map((choice) => (
          <label key={choice.id} className="field-check">
            <input
              type="checkbox"
              checked={chosen.includes(choice.id)}
              disabled={!chosen.includes(choice.id) && chosen.length >= 100}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? [...chosen, choice.id]
                    : chosen.filter((id) => id !== choice.id),
                )
              }
            />
            {choice.label}
          </label>
        ))}
    </fieldset>
  );
}
