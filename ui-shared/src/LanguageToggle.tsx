import { useI18n } from './use-i18n';

/** A button that switches the page between Vietnamese and English. */
export function LanguageToggle() {
  const { t, toggleLanguage } = useI18n();
  return (
    <button
      type="button"
      className="lang-toggle"
      onClick={toggleLanguage}
      data-testid="lang-toggle"
    >
      {t('app.otherLanguage')}
    </button>
  );
}
