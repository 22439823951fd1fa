import { useState, type ChangeEvent } from 'react';
import type { CentreSettings, MessageKey, StateSnapshot } from '@luot/contract';
import { apiSend } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { Area, Check, ErrorAlert, Field, Notice, Select, useAction, useResource } from '../form';
import type { PageProps } from '../pages';
import {
  FormProblem,
  WEEKDAYS,
  changedFields,
  formOf,
  settingsOf,
  type CentreForm,
} from './centre-form';

/** The server's limit on a logo (PUT /api/centre/logo). */
const LOGO_MAX_BYTES = 512 * 1024;

/** The centre's settings (admins change them; supervisors read them) and its logo. */
export function CentrePage({ user }: PageProps) {
  const { t } = useI18n();
  const settings = useResource<CentreSettings>('/api/settings');
  // What screens are told of the centre: the logo they show and whether the zone is fixed.
  const state = useResource<StateSnapshot>('/api/state');
  const [saved, setSaved] = useState<string | null>(null);
  const readOnly = user.role !== 'admin';

  return (
    <>
      <h2>{t('admin.centre.title')}</h2>
      {readOnly && <p className="muted">{t('admin.readOnly')}</p>}
      {!readOnly && <LogoEditor stored={state.data?.centre.logoUrl} />}
      <ErrorAlert error={settings.error} />
      {!settings.data && !settings.error && <div className="loading">{t('app.loading')}</div>}
      {settings.data && (
        <CentreEditor
          // A fresh form for each stored version: what the server answered is shown.
          key={JSON.stringify(settings.data)}
          stored={settings.data}
          // Read-only until known; fixed when the deployment sets LUOT_TIME_ZONE.
          timeZoneFixed={state.data ? state.data.centre.timeZoneFixed === true : null}
          readOnly={readOnly}
          saved={saved}
          onSaved={(updated, message) => {
            setSaved(message);
            if (updated) settings.setData(updated);
          }}
        />
      )}
    </>
  );
}

interface EditorProps {
  stored: CentreSettings;
  /** LUOT_TIME_ZONE fixes the zone (shown, not edited); null while not yet known. */
  timeZoneFixed: boolean | null;
  readOnly: boolean;
  saved: string | null;
  onSaved: (updated: CentreSettings | null, message: string | null) => void;
}

function CentreEditor({ stored, timeZoneFixed, readOnly, saved, onSaved }: EditorProps) {
  const { t } = useI18n();
  const [form, setForm] = useState<CentreForm>(() => formOf(stored));
  const save = useAction();
  const set = (patch: Partial<CentreForm>) => setForm({ ...form, ...patch });
  const setVoice = (patch: Partial<CentreForm['voice']>) =>
    setForm({ ...form, voice: { ...form.voice, ...patch } });
  const setRating = (patch: Partial<CentreForm['rating']>) =>
    setForm({ ...form, rating: { ...form.rating, ...patch } });
  const dayName = (day: string) => t(`admin.centre.weekday.${day}` as MessageKey);

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
    <form onSubmit={onSave} className="admin-form" data-testid="centre-form">
      <fieldset disabled={readOnly || save.pending}>
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

      <fieldset disabled={readOnly || save.pending}>
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

      <fieldset disabled={readOnly || save.pending}>
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
            onChange={(mode) =>
              set({ policyMode: mode === 'interleave' ? 'interleave' : 'strict' })
            }
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

      <fieldset disabled={readOnly || save.pending}>
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

      <fieldset disabled={readOnly || save.pending}>
        <legend>{t('admin.centre.voice')}</legend>
        <div className="field-grid">
          <Select
            label={t('admin.centre.voiceRegion')}
            testId="voice-region"
            value={form.voice.region}
            onChange={(region) =>
              setVoice({
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
            onChange={(repeats) => setVoice({ repeats })}
          />
          <Field
            label={t('admin.centre.voicePause')}
            testId="voice-pause"
            type="number"
            min={0}
            max={5000}
            required
            value={form.voice.repeatPauseMs}
            onChange={(repeatPauseMs) => setVoice({ repeatPauseMs })}
          />
          <Field
            label={t('admin.centre.voiceBacklog')}
            testId="voice-backlog"
            type="number"
            min={0}
            max={50}
            required
            value={form.voice.backlogThreshold}
            onChange={(backlogThreshold) => setVoice({ backlogThreshold })}
          />
        </div>
        <Field
          label={t('admin.centre.voiceTemplate')}
          testId="voice-template"
          required
          maxLength={300}
          className="field-wide-input"
          value={form.voice.template}
          onChange={(template) => setVoice({ template })}
        />
        <Check
          label={t('admin.centre.voiceChime')}
          testId="voice-chime"
          checked={form.voice.chime}
          onChange={(chime) => setVoice({ chime })}
        />
      </fieldset>

      <fieldset disabled={readOnly || save.pending}>
        <legend>{t('admin.centre.rating')}</legend>
        <Check
          label={t('admin.centre.ratingEnabled')}
          testId="rating-enabled"
          checked={form.rating.enabled}
          onChange={(enabled) => setRating({ enabled })}
        />
        <div className="field-grid">
          <Area
            label={t('admin.centre.ratingLevels')}
            testId="rating-levels"
            required
            value={form.rating.levels}
            onChange={(levels) => setRating({ levels })}
          />
          <Area
            label={t('admin.centre.ratingReasons')}
            testId="rating-reasons"
            value={form.rating.reasons}
            onChange={(reasons) => setRating({ reasons })}
          />
          <Field
            label={t('admin.centre.ratingLow')}
            testId="rating-low"
            type="number"
            min={1}
            max={4}
            required
            value={form.rating.lowThreshold}
            onChange={(lowThreshold) => setRating({ lowThreshold })}
          />
          <Field
            label={t('admin.centre.ratingWindow')}
            testId="rating-window"
            type="number"
            min={1}
            max={240}
            required
            value={form.rating.windowMinutes}
            onChange={(windowMinutes) => setRating({ windowMinutes })}
          />
          <Field
            label={t('admin.centre.ratingIdle')}
            testId="rating-idle"
            type="number"
            min={5}
            max={600}
            required
            value={form.rating.idleSeconds}
            onChange={(idleSeconds) => setRating({ idleSeconds })}
          />
        </div>
      </fieldset>

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

/** The logo the screens show: a preview, an upload (PNG or JPEG) and a delete. */
function LogoEditor({ stored }: { stored: string | null | undefined }) {
  const { t } = useI18n();
  const [logoUrl, setLogoUrl] = useState<string | null | undefined>(undefined);
  const action = useAction();
  const shown = logoUrl === undefined ? stored : logoUrl;

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    void action.run(async () => {
      if (file.size > LOGO_MAX_BYTES) throw t('admin.centre.logoTooLarge');
      const { logoUrl: next } = await apiSend<{ logoUrl: string }>('PUT', '/api/centre/logo', file);
      setLogoUrl(next);
    });
  };

  return (
    <section className="admin-section logo-editor" aria-labelledby="logo-title">
      <h3 id="logo-title">{t('admin.centre.logo')}</h3>
      <div className="logo-row">
        {shown ? (
          <img src={shown} alt={t('admin.centre.logoAlt')} data-testid="logo-preview" />
        ) : (
          <p className="muted">{t('admin.centre.logoNone')}</p>
        )}
        <label className="btn btn-secondary file-button">
          {t('admin.centre.logoUpload')}
          <input
            type="file"
            accept="image/png,image/jpeg"
            data-testid="logo-file"
            onChange={onFile}
            disabled={action.pending}
          />
        </label>
        {shown && (
          <button
            type="button"
            className="btn btn-danger"
            data-testid="logo-delete"
            disabled={action.pending}
            onClick={() =>
              void action.run(async () => {
                await apiSend<unknown>('DELETE', '/api/centre/logo');
                setLogoUrl(null);
              })
            }
          >
            {t('admin.centre.logoDelete')}
          </button>
        )}
      </div>
      <ErrorAlert error={action.error} testId="logo-error" />
    </section>
  );
}
