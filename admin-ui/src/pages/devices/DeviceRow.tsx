import type { AgentTokenResponse, ListedDevice, MessageKey, PrinterView } from '@luot/contract';
import { apiPost, apiSend } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { formatMoment } from '../../form';
import { KioskPrinter, kioskPrinter } from './KioskPrinter';

interface RowProps {
  device: ListedDevice;
  printers: PrinterView[] | undefined;
  counterLabel: (id: number | null) => string;
  filterLabel: (ids: number[] | null) => string;
  editing: number | null;
  setEditing: (id: number | null) => void;
  confirming: number | null;
  setConfirming: (id: number | null) => void;
  pending: boolean;
  act: (work: () => Promise<string | null>) => void;
}

/** One paired device: its kind, presence, printer and settings, and what can be done to it. */
export function DeviceRow({
  device,
  printers,
  counterLabel,
  filterLabel,
  editing,
  setEditing,
  confirming,
  setConfirming,
  pending,
  act,
}: RowProps) {
  const { t, lang } = useI18n();
  return (
    <tr key={device.id} data-testid={`device-${device.id}`}>
      <td>{device.name}</td>
      <td>{t(`admin.devices.kind.${device.kind}` as MessageKey)}</td>
      <td data-testid={`device-presence-${device.id}`}>
        <span className={device.online ? 'presence presence-on' : 'presence'}>
          {device.online ? t('admin.devices.online') : t('admin.devices.offline')}
        </span>
      </td>
      <td>
        {device.lastSeenAt ? formatMoment(device.lastSeenAt, lang) : t('admin.devices.never')}
      </td>
      <td data-testid={`device-printer-${device.id}`}>
        {device.kind === 'kiosk' && printers && (
          <KioskPrinter bound={kioskPrinter(device.id, printers)} />
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
            disabled={pending}
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
          disabled={pending}
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
          {confirming === device.id ? t('admin.devices.confirmUnpair') : t('admin.devices.unpair')}
        </button>
      </td>
    </tr>
  );
}
