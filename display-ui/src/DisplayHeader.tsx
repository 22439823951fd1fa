import type { CentreInfo } from '@luot/contract';
import { Clock } from '@luot/ui-shared/Clock';
import { useI18n } from '@luot/ui-shared/use-i18n';

interface Props {
  centre: CentreInfo | null;
  /** The line saying the screen is filtered (services or counters); null when it is not. */
  filterLine: string | null;
}

/**
 * The band on top of the hall screen: the centre's logo and name as the administrator set
 * them, what the screen is for (or which queues it is limited to), the date and the clock.
 */
export function DisplayHeader({ centre, filterLine }: Props) {
  const { t, lang } = useI18n();
  const name = centre?.name || t('app.centre');
  return (
    <header className="app-header display-header">
      {centre?.logoUrl && (
        <img
          className="app-header-logo"
          src={centre.logoUrl}
          alt={t('display.logoAlt', { name })}
          data-testid="centre-logo"
        />
      )}
      <div className="display-title">
        <h1 data-testid="centre-name">{name}</h1>
        {filterLine ? (
          <p className="display-filter" data-testid="display-filter">
            {filterLine}
          </p>
        ) : (
          <p className="display-subtitle">{t('display.title')}</p>
        )}
      </div>
      <Clock lang={lang} seconds />
    </header>
  );
}
