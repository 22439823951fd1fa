import { useI18n } from '@luot/ui-shared/use-i18n';
import { Field } from '../../form';
import type { CentreForm } from '../centre-form';

interface Props {
  form: CentreForm;
  set: (patch: Partial<CentreForm['monitor']>) => void;
  disabled: boolean;
}

/** When the live monitor raises its time-based alerts; limits as the server's schema. */
export function MonitorSection({ form, set, disabled }: Props) {
  const { t } = useI18n();
  return (
    <fieldset disabled={disabled}>
      <legend>{t('admin.centre.monitor')}</legend>
      <div className="field-grid">
        <Field
          label={t('admin.centre.pauseAlert')}
          testId="centre-pause-alert"
          type="number"
          min={1}
          max={240}
          required
          value={form.monitor.pauseAlertMinutes}
          onChange={(pauseAlertMinutes) => set({ pauseAlertMinutes })}
        />
        <Field
          label={t('admin.centre.deviceOffline')}
          testId="centre-device-offline"
          type="number"
          min={1}
          max={60}
          required
          value={form.monitor.deviceOfflineMinutes}
          onChange={(deviceOfflineMinutes) => set({ deviceOfflineMinutes })}
        />
      </div>
    </fieldset>
  );
}
