import { useState, type ChangeEvent } from 'react';
import { apiSend } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert, useAction } from '../../form';

/** The server's limit on a logo (PUT /api/centre/logo). */
const LOGO_MAX_BYTES = 512 * 1024;

/** The logo the screens show: a preview, an upload (PNG or JPEG) and a delete. */
export function LogoEditor({ stored }: { stored: string | null | undefined }) {
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
