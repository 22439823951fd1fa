import type { Language } from '@luot/contract';
import { LOCALES } from './format';
import { centreTimeZone } from './centre-zone';
import { useClock } from './use-clock';

/** Time (HH:mm:ss) over the date, in the centre's time zone. */
export function Clock({ lang, seconds = true }: { lang: Language; seconds?: boolean }) {
  const now = useClock();
  const locale = LOCALES[lang];
  const timeZone = centreTimeZone();
  const time = now.toLocaleTimeString(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: seconds ? '2-digit' : undefined,
    hour12: false,
  });
  const date = now.toLocaleDateString(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  });
  return (
    <div className="clock" data-testid="clock">
      <div className="clock-time">{time}</div>
      <div className="clock-date">{date}</div>
    </div>
  );
}
