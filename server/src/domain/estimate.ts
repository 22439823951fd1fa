/** Minutes assumed per visit when a service has no history yet. */
export const DEFAULT_SERVICE_MINUTES = 5;

/**
 * Estimated minutes until a ticket with `ahead` tickets before it is called,
 * given the mean minutes per visit and how many counters are serving the service.
 */
export function estimateWaitMinutes(
  ahead: number,
  meanServiceMinutes: number,
  openCounters: number,
): number {
  const perVisit = meanServiceMinutes > 0 ? meanServiceMinutes : DEFAULT_SERVICE_MINUTES;
  const counters = Math.max(1, openCounters);
  return Math.ceil((Math.max(0, ahead) * perVisit) / counters);
}
