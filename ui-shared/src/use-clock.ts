import { useEffect, useState } from 'react';
import { serverNow } from './server-time';

/** The current time by the server's clock (see server-time.ts), refreshed every `intervalMs`. */
export function useClock(intervalMs = 1000): Date {
  const [now, setNow] = useState(() => serverNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
