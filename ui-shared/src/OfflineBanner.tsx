import { useI18n } from './use-i18n';

/** The strip under the header while the screen has lost the server and shows what it last knew. */
export function OfflineBanner() {
  const { t } = useI18n();
  return (
    <div className="banner banner-offline" role="alert" data-testid="offline-banner">
      {t('display.offline')}
    </div>
  );
}
