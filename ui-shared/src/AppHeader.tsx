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
}

/** The band on top of every screen: title and subtitle, then the language button and clock. */
export function AppHeader({ title, subtitle, languageToggle = false, clock, className }: Props) {
  const { lang } = useI18n();
  return (
    <header className={className ? `app-header ${className}` : 'app-header'}>
      <h1>
        {title}
        {subtitle && <span className="subtitle">{subtitle}</span>}
      </h1>
      {languageToggle && <LanguageToggle />}
      {clock && <Clock lang={lang} seconds={clock === 'seconds'} />}
    </header>
  );
}
