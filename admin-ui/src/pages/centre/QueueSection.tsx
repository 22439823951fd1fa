import { useI18n } from '@luot/ui-shared/use-i18n';
import { Area, Field, Select } from '../../form';
import type { SectionProps } from './section-props';

/** Priority classes, the calling policy, recalls and pause reasons. */
export function QueueSection({ form, set, disabled }: SectionProps) {
  const { t } = useI18n();
  return (
    <fieldset disabled={disabled}>
      <legend>{t('admin.centre.queue')}</legend>
      <Area
        label={t('admin.centre.priorityClasses')}
        testId="centre-priority-classes"
        value={form.priorityClasses}
        onChange={(priorityClasses) => set({ priorityClasses })}
      />
      <div className="field-grid">
        <Select
          label={t('admin.centre.policy')}
          testId="centre-policy"
          value={form.policyMode}
          onChange={(mode) => set({ policyMode: mode === 'interleave' ? 'interleave' : 'strict' })}
          options={[
            { value: 'strict', label: t('admin.centre.policy.strict') },
            { value: 'interleave', label: t('admin.centre.policy.interleave') },
          ]}
        />
        {form.policyMode === 'interleave' && (
          <Field
            label={t('admin.centre.interleaveEvery')}
            testId="centre-policy-every"
            type="number"
            min={1}
            max={100}
            required
            value={form.policyEvery}
            onChange={(policyEvery) => set({ policyEvery })}
          />
        )}
        <Field
          label={t('admin.centre.recallLimit')}
          testId="centre-recall-limit"
          type="number"
          min={0}
          max={20}
          required
          value={form.recallLimit}
          onChange={(recallLimit) => set({ recallLimit })}
        />
      </div>
      <Area
        label={t('admin.centre.pauseReasons')}
        testId="centre-pause-reasons"
        required
        value={form.pauseReasons}
        onChange={(pauseReasons) => set({ pauseReasons })}
      />
    </fieldset>
  );
}
