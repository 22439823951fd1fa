import { useState } from 'react';
import type { CentreSettings, StateSnapshot } from '@luot/contract';
import { noteCentreZone } from '@luot/ui-shared/centre-zone';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert, useResource } from '../form';
import type { PageProps } from '../pages';
import { CentreEditor } from './centre/CentreEditor';
import { LogoEditor } from './centre/LogoEditor';

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
            if (updated) {
              settings.setData(updated);
              // The header clock and the times other pages show follow a new zone at once.
              noteCentreZone(updated.timeZone);
            }
          }}
        />
      )}
    </>
  );
}
