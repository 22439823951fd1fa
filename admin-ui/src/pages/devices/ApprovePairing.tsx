import { useState } from 'react';
import type { Device, DeviceResponse } from '@luot/contract';
import { apiPost } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert, Field, Select, useAction } from '../../form';
import type { Choice } from './choice';

/** Approves a device's pairing code, naming it and perhaps setting its counter. */
export function ApprovePairing({
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
      noValidate
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
