import {
  largeDemoServices,
  LARGE_DEMO_FIELDS,
} from '../../server/src/storage/large-demo-catalogue';
import { startTestServer, type TestServer } from './test-server';

/**
 * The large demo centre (`LUOT_DEMO=large`) for tests: 40 services under 12 fields (three
 * split into procedure groups, one service at the top level) and 40 counters, counter n
 * serving service n (ids 1–40 in kiosk order on a fresh database).
 *
 * - `LARGE_CENTRE_ENV` goes into `startTestServer({ env })` or `describeInChromium`'s options;
 * - `startLargeCentreServer(options)` starts a test server with it;
 * - `LARGE_CENTRE_SERVICES` lists each service (prefix, name, nameEn, field, group) in
 *   kiosk order; `LARGE_CENTRE_FIELDS` the fields with their groups.
 */
export const LARGE_CENTRE_ENV: Readonly<Record<string, string>> = { LUOT_DEMO: 'large' };

export const LARGE_CENTRE_SERVICES = largeDemoServices();
export const LARGE_CENTRE_FIELDS = LARGE_DEMO_FIELDS;

/** Starts a real test server (port 0, fresh SQLite) seeded with the large demo centre. */
export function startLargeCentreServer(
  options: Parameters<typeof startTestServer>[0] = {},
): Promise<TestServer> {
  return startTestServer({ ...options, env: { ...options.env, ...LARGE_CENTRE_ENV } });
}
