import { useI18n } from '@luot/ui-shared/use-i18n';
import { Area, Check, Field } from '../../form';
import type { CentreForm } from '../centre-form';

interface Props {
  form: CentreForm;
  set: (patch: Partial<CentreForm['rating']>) => void;
  disabled: boolean;
}

/** The rating screen and its alerts. */
export function RatingSection({ form, set, disabled }: Props) {
  const { t } = useI18n();
  return (
    <fieldset disabled={disabled}>
      <legend>{t('admin.centre.rating')}</legend>
      <Check
        label={t('admin.centre.ratingEnabled')}
        testId="rating-enabled"
        checked={form.rating.enabled}
        onChange={(enabled) => set({ enabled })}
      />
      <div className="field-grid">
        <Area
          label={t('admin.centre.ratingLevels')}
          testId="rating-levels"
          required
          value={form.rating.levels}
          onChange={(levels) => set({ levels })}
        />
        <Area
          label={t('admin.centre.ratingReasons')}
          testId="rating-reasons"
          value={form.rating.reasons}
          onChange={(reasons) => set({ reasons })}
        />
        <Field
          label={t('admin.centre.ratingLow')}
          testId="rating-low"
          type="number"
          min={1}
          max={4}
          required
          value={form.rating.lowThreshold}
          onChange={(lowThreshold) => set({ lowThreshold })}
        />
        <Field
          label={t('admin.centre.ratingWindow')}
          testId="rating-window"
          type="number"
          min={1}
          max={240}
          required
          value={form.rating.windowMinutes}
          onChange={(windowMinutes) => set({ windowMinutes })}
        />
        <Field
          label={t('admin.centre.ratingIdle')}
          testId="rating-idle"
          type="number"
          min={5}
          max={600}
          required
          value={form.rating.idleSeconds}
          onChange={(idleSeconds) => set({ idleSeconds })}
        />
      </div>
    </fieldset>
  );
}
