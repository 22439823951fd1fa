import { randomBytes } from 'node:crypto';
import type { TestServer } from './test-server';

/** Far enough that no test's clock, however far it is moved, ends the duty sessions. */
const NEVER = 8.64e15;

/**
 * Seats a duty clerk at each counter (every counter unless told), straight in the
 * database, with a session that never ends. A number can only be called to a counter
 * someone holds (409 counter_not_staffed), so tests that act at counters as the admin —
 * as a supervisor does on the floor — first put someone at the desk. A counter someone
 * already holds is left as it is. Returns the duty clerks' staff ids by counter id. Seat
 * before screens connect: no event announces it.
 */
export function staffCounters(
  server: TestServer,
  counterIds?: readonly number[],
): Map<number, number> {
  const { repos } = server.server.application;
  const ids = counterIds ?? repos.counters.list().map((counter) => counter.id);
  const seated = new Map<number, number>();
  for (const counterId of ids) {
    if (repos.counters.get(counterId)?.staffId != null) continue;
    const staffId = repos.staff.insert(
      {
        username: `truc-quay-${counterId}-${randomBytes(3).toString('hex')}`,
        displayName: `Cán bộ trực quầy ${counterId}`,
        role: 'clerk',
        // Not a hash: nobody signs in as a duty clerk.
        passwordHash: '-',
        mustChangePassword: false,
      },
      0,
    );
    repos.staff.insertSession(randomBytes(32).toString('hex'), staffId, 0, NEVER);
    repos.counters.setStaff(counterId, staffId, 0);
    seated.set(counterId, staffId);
  }
  return seated;
}
