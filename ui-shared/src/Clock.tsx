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
    // "Thứ Sáu, 04/12/2026": the form Vietnamese offices write dates in.
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
  return (
    <div className="clock" data-testid="clock">
      <div className="clock-time">{time}</div>
      <div className="clock-date">{date}</div>
    </div>
  );
}
