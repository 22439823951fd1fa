import { useI18n } from '@luot/ui-shared/use-i18n';
import { Check, Field, Select } from '../../form';
import type { CentreForm } from '../centre-form';

interface Props {
  form: CentreForm;
  set: (patch: Partial<CentreForm['voice']>) => void;
  disabled: boolean;
}

/** How tickets are announced. */
export function VoiceSection({ form, set, disabled }: Props) {
  const { t } = useI18n();
  return (
    <fieldset disabled={disabled}>
      <legend>{t('admin.centre.voice')}</legend>
      <div className="field-grid">
        <Select
          label={t('admin.centre.voiceRegion')}
          testId="voice-region"
          value={form.voice.region}
          onChange={(region) =>
            set({
              region: region === 'central' || region === 'south' ? region : 'north',
            })
          }
          options={(['north', 'central', 'south'] as const).map((region) => ({
            value: region,
            label: t(`admin.centre.voiceRegion.${region}`),
          }))}
        />
        <Field
          label={t('admin.centre.voiceRepeats')}
          testId="voice-repeats"
          type="number"
          min={1}
          max={3}
          required
          value={form.voice.repeats}
          onChange={(repeats) => set({ repeats })}
        />
        <Field
          label={t('admin.centre.voicePause')}
          testId="voice-pause"
          type="number"
          min={0}
          max={5000}
          required
          value={form.voice.repeatPauseMs}
          onChange={(repeatPauseMs) => set({ repeatPauseMs })}
        />
        <Field
          label={t('admin.centre.voiceBacklog')}
          testId="voice-backlog"
          type="number"
          min={0}
          max={50}
          required
          value={form.voice.backlogThreshold}
          onChange={(backlogThreshold) => set({ backlogThreshold })}
        />
      </div>
      <Field
        label={t('admin.centre.voiceTemplate')}
        testId="voice-template"
        required
        maxLength={300}
        className="field-wide-input"
        value={form.voice.template}
        onChange={(template) => set({ template })}
      />
      <Check
        label={t('admin.centre.voiceChime')}
        testId="voice-chime"
        checked={form.voice.chime}
        onChange={(chime) => set({ chime })}
      />
    </fieldset>
  );
}
