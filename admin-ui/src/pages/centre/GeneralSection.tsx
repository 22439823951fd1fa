import { useI18n } from '@luot/ui-shared/use-i18n';
import { Field } from '../../form';
import type { SectionProps } from './section-props';

interface Props extends SectionProps {
  /** LUOT_TIME_ZONE fixes the zone (shown, not edited); null while not yet known. */
  timeZoneFixed: boolean | null;
}

/** The centre's name, address, time zone and ticker. */
export function GeneralSection({ form, set, disabled, timeZoneFixed }: Props) {
  const { t } = useI18n();
  return (
    <fieldset disabled={disabled}>
      <legend>{t('admin.centre.general')}</legend>
      <div className="field-grid">
        <Field
          label={t('admin.centre.name')}
          testId="centre-name"
          required
          maxLength={200}
          value={form.centreName}
          onChange={(centreName) => set({ centreName })}
        />
        <Field
          label={t('admin.centre.address')}
          testId="centre-address"
          maxLength={300}
          hint={t('admin.centre.addressHint')}
          value={form.centreAddress}
          onChange={(centreAddress) => set({ centreAddress })}
        />
        <Field
          label={t('admin.centre.timeZone')}
          testId="centre-time-zone"
          required
          maxLength={64}
          readOnly={timeZoneFixed !== false}
          autoComplete="off"
          spellCheck={false}
          hint={
            timeZoneFixed === true
              ? t('admin.centre.timeZoneHint')
              : t('admin.centre.timeZoneEditHint')
          }
          value={form.timeZone}
          onChange={(timeZone) => set({ timeZone })}
        />
        <Field
          label={t('admin.centre.ticker')}
          testId="centre-ticker"
          maxLength={500}
          value={form.tickerText}
          onChange={(tickerText) => set({ tickerText })}
        />
      </div>
    </fieldset>
  );
}
