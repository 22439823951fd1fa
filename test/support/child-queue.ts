import pino from 'pino';
import { createApplication } from '../../server/src/app';
import type { TicketIssuer } from '../../server/src/services/queue/ticket-issuer';
import { openDatabase } from '../../server/src/storage/database';
import type { Repos } from '../../server/src/storage/repos';

/** The queue use cases over a real, already migrated database file, as a child process runs them. */
export interface ChildQueue {
  repos: Repos;
  issuer: TicketIssuer;
}

/** Opens `file` and builds the services the way the app does, with a clock stopped at `at`. */
export function openChildQueue(
  file: string,
  at: number,
  timeZone = 'Asia/Ho_Chi_Minh',
): ChildQueue {
  const { repos, issuer } = createApplication({
    db: openDatabase(file),
    clock: { now: () => at },
    logger: pino({ level: 'silent' }),
    timeZone,
  });
  return { repos, issuer };
}

/** Reads the arguments a child script was started with: database file, service id, instant. */
export function childArguments(): { file: string; serviceId: number; at: number; rest: string[] } {
  const [file, serviceId, at, ...rest] = process.argv.slice(2);
  if (file === undefined || serviceId === undefined || at === undefined) {
    throw new Error('usage: <database file> <service id> <epoch ms> [...]');
  }
  return { file, serviceId: Number(serviceId), at: Number(at), rest };
}
