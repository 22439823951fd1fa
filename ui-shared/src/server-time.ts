/**
 * The server's clock, as screens should show it. Kiosk and hall-screen PCs on a centre's
 * LAN often have no time server and drift, or were set by hand: every snapshot carries
 * the server's time, and screens show their own clock shifted by the difference.
 */
let offsetMs = 0;

/** Records the server's time as of `localNow` (a snapshot just arrived). */
export function noteServerTime(serverTime: string, localNow = Date.now()): void {
  const server = Date.parse(serverTime);
  if (Number.isFinite(server)) offsetMs = server - localNow;
}

/** The server's time now, by this screen's clock and the last difference noted. */
export function serverNow(localNow = Date.now()): Date {
  return new Date(localNow + offsetMs);
}
