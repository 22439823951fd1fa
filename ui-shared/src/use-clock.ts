import { useEffect, useState } from 'react';

/** The centre's time zone; numbering and every clock on screen follow it. */
export const CENTRE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The current time, refreshed every `intervalMs`. */
export function useClock(intervalMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
