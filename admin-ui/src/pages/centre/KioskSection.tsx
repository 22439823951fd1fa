import { useI18n } from '@luot/ui-shared/use-i18n';
import { Field, Select } from '../../form';
import type { SectionProps } from './section-props';

/** How kiosks are admitted and when they go idle. */
export function KioskSection({ form, set, disabled }: SectionProps) {
  const { t } = useI18n();
  return (
    <fieldset disabled={disabled}>
      <legend>{t('admin.centre.kiosk')}</legend>
      <div className="field-grid">
        <Select
          label={t('admin.centre.kioskPolicy')}
          testId="centre-kiosk-policy"
          value={form.kioskPolicy}
          onChange={(policy) => set({ kioskPolicy: policy === 'paired' ? 'paired' : 'open' })}
          options={[
            { value: 'open', label: t('admin.centre.kioskPolicy.open') },
            { value: 'paired', label: t('admin.centre.kioskPolicy.paired') },
          ]}
        />
        <Field
          label={t('admin.centre.kioskIdle')}
          testId="centre-kiosk-idle"
          type="number"
          min={10}
          max={600}
          required
          value={form.kioskIdleSeconds}
          onChange={(kioskIdleSeconds) => set({ kioskIdleSeconds })}
        />
      </div>
    </fieldset>
  );
}
