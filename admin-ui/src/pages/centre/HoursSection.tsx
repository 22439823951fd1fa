import type { MessageKey } from '@luot/contract';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { Area, Check, Field } from '../../form';
import { WEEKDAYS } from '../centre-form';
import type { SectionProps } from './section-props';

/** Opening hours per weekday, holidays and the cut-off. */
export function HoursSection({ form, set, disabled }: SectionProps) {
  const { t } = useI18n();
  const dayName = (day: string) => t(`admin.centre.weekday.${day}` as MessageKey);
  return (
    <fieldset disabled={disabled}>
      <legend>{t('admin.centre.hours')}</legend>
      <p className="field-hint" id="hours-hint">
        {t('admin.centre.hoursHint')}
      </p>
      <div className="field-grid">
        {WEEKDAYS.map((day) => (
          <Field
            key={day}
            label={dayName(day)}
            testId={`hours-${day}`}
            maxLength={200}
            aria-describedby="hours-hint"
            value={form.openingHours[day] ?? ''}
            onChange={(text) => set({ openingHours: { ...form.openingHours, [day]: text } })}
          />
        ))}
      </div>
      <Check
        label={t('admin.centre.enforceHours')}
        testId="centre-enforce-hours"
        checked={form.enforceOpeningHours}
        onChange={(enforceOpeningHours) => set({ enforceOpeningHours })}
      />
      <div className="field-grid">
        <Area
          label={t('admin.centre.holidays')}
          testId="centre-holidays"
          value={form.holidays}
          onChange={(holidays) => set({ holidays })}
        />
        <Field
          label={t('admin.centre.cutoff')}
          testId="centre-cutoff"
          type="number"
          min={0}
          max={240}
          required
          value={form.cutoffMinutes}
          onChange={(cutoffMinutes) => set({ cutoffMinutes })}
        />
      </div>
    </fieldset>
  );
}
