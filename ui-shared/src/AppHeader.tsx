import { Clock } from './Clock';
import { LanguageToggle } from './LanguageToggle';
import { useI18n } from './use-i18n';

interface Props {
  title: string;
  /** The smaller line under the title; none when null or left out. */
  subtitle?: string | null;
  /** Adds the Vietnamese / English button (screens a visitor or clerk touches). */
  languageToggle?: boolean;
  /** Adds the clock, to the minute or to the second; none when left out. */
  clock?: 'minutes' | 'seconds';
  /** A class added to `app-header`, for a screen's own layout of the band. */
  className?: string;
  /** The centre's logo before the title (`CentreInfo.logoUrl`); none when null or left out. */
  logo?: { src: string; alt: string } | null;
}

/** The band on top of every screen: logo, title and subtitle, then the language button and clock. */
export function AppHeader({
  title,
  subtitle,
  languageToggle = false,
  clock,
  className,
  logo,
}: Props) {
  const { lang } = useI18n();
  return (
    <header className={className ? `app-header ${className}` : 'app-header'}>
      {logo && (
        <img className="app-header-logo" src={logo.src} alt={logo.alt} data-testid="centre-logo" />
      )}
      <h1>
        {title}
        {subtitle && <span className="subtitle">{subtitle}</span>}
      </h1>
      {languageToggle && <LanguageToggle />}
      {clock && <Clock lang={lang} seconds={clock === 'seconds'} />}
    </header>
  );
}
