import { useState } from 'react';
import type { Device, ListedDevice, PrinterView, StateSnapshot } from '@luot/contract';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert, Notice, NoticeScope, useAction, useResource } from '../form';
import { ApprovePairing } from './devices/ApprovePairing';
import type { Choice } from './devices/choice';
import { DeviceRow } from './devices/DeviceRow';
import { EditDevice } from './devices/EditDevice';

export { kioskPrinter } from './devices/KioskPrinter';

/** How often the list is read again, for devices pairing and last-seen times. */
const REFRESH_MS = 5000;

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
    <NoticeScope clear={setNotice}>
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
              <DeviceRow
                key={device.id}
                device={device}
                printers={printers.data}
                counterLabel={counterLabel}
                filterLabel={filterLabel}
                editing={editing}
                setEditing={setEditing}
                confirming={confirming}
                setConfirming={setConfirming}
                pending={action.pending}
                act={act}
              />
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
    </NoticeScope>
  );
}
