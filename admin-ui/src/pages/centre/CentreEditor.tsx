import { useState } from 'react';
import type { CentreSettings, MessageKey } from '@luot/contract';
import { apiSend } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert, Notice, useAction } from '../../form';
import { FormProblem, changedFields, formOf, settingsOf, type CentreForm } from '../centre-form';
import { GeneralSection } from './GeneralSection';
import { HoursSection } from './HoursSection';
import { KioskSection } from './KioskSection';
import { MonitorSection } from './MonitorSection';
import { QueueSection } from './QueueSection';
import { RatingSection } from './RatingSection';
import { VoiceSection } from './VoiceSection';

export interface EditorProps {
  stored: CentreSettings;
  /** LUOT_TIME_ZONE fixes the zone (shown, not edited); null while not yet known. */
  timeZoneFixed: boolean | null;
  readOnly: boolean;
  saved: string | null;
  onSaved: (updated: CentreSettings | null, message: string | null) => void;
}

/** The centre's settings form: one section per part, saved together as one PATCH. */
export function CentreEditor({ stored, timeZoneFixed, readOnly, saved, onSaved }: EditorProps) {
  const { t } = useI18n();
  const [form, setForm] = useState<CentreForm>(() => formOf(stored));
  const save = useAction();
  const set = (patch: Partial<CentreForm>) => setForm({ ...form, ...patch });
  const setVoice = (patch: Partial<CentreForm['voice']>) =>
    setForm({ ...form, voice: { ...form.voice, ...patch } });
  const setRating = (patch: Partial<CentreForm['rating']>) =>
    setForm({ ...form, rating: { ...form.rating, ...patch } });
  const setMonitor = (patch: Partial<CentreForm['monitor']>) =>
    setForm({ ...form, monitor: { ...form.monitor, ...patch } });
  const dayName = (day: string) => t(`admin.centre.weekday.${day}` as MessageKey);

  const disabled = readOnly || save.pending;

  const onSave = save.submit(async () => {
    onSaved(null, null);
    let next;
    try {
      next = settingsOf(form, dayName, (field) =>
        t(
          field === 'priorityClasses'
            ? 'admin.centre.priorityClasses'
            : 'admin.centre.ratingLevels',
        ),
      );
    } catch (problem) {
      if (problem instanceof FormProblem) throw t(problem.key, problem.params);
      throw problem;
    }
    const patch = changedFields(stored, next);
    if (Object.keys(patch).length === 0) {
      onSaved(null, t('admin.noChange'));
      return;
    }
    const updated = await apiSend<CentreSettings>('PATCH', '/api/settings', patch);
    onSaved(updated, t('admin.saved'));
  });

  return (
    <form noValidate onSubmit={onSave} className="admin-form" data-testid="centre-form">
      <GeneralSection form={form} set={set} disabled={disabled} timeZoneFixed={timeZoneFixed} />
      <HoursSection form={form} set={set} disabled={disabled} />
      <QueueSection form={form} set={set} disabled={disabled} />
      <KioskSection form={form} set={set} disabled={disabled} />
      <VoiceSection form={form} set={setVoice} disabled={disabled} />
      <RatingSection form={form} set={setRating} disabled={disabled} />
      <MonitorSection form={form} set={setMonitor} disabled={disabled} />

      {!readOnly && (
        <div className="form-actions">
          <ErrorAlert error={save.error} testId="centre-error" />
          <Notice testId="centre-saved">{saved}</Notice>
          <button type="submit" className="btn" data-testid="centre-save" disabled={save.pending}>
            {t('admin.save')}
          </button>
        </div>
      )}
    </form>
  );
}
