import { useState } from 'react';
import type { Device, DeviceResponse, UpdateDeviceRequest } from '@luot/contract';
import { apiSend } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert, Field, Select, useAction } from '../../form';
import type { Choice } from './choice';

interface EditProps {
  device: Device;
  counters: Choice[];
  services: Choice[];
  onSaved: () => void;
}

/** A device's name, and a counter screen's counter or a hall display's filters. */
export function EditDevice({ device, counters, services, onSaved }: EditProps) {
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
      noValidate
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
