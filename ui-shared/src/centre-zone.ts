/**
 * The centre's time zone, as the server names it in the centre info (`LUOT_TIME_ZONE`).
 * Clocks and times on every screen are shown in it, whatever zone the screen's PC is set
 * to; until the server has said, they follow the PC (as the clock follows the PC's time
 * until the first snapshot, see server-time.ts).
 */
let zone: string | undefined;

/** Records the zone the server sent (every snapshot and tracking answer carries it). */
export function noteCentreZone(timeZone: string | undefined): void {
  if (timeZone) zone = timeZone;
}

/** The centre's zone, or undefined (the PC's own) before the server has named it. */
export function centreTimeZone(): string | undefined {
  return zone;
}
