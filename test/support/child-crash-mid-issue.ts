import fs from 'node:fs';
import { childArguments, openChildQueue } from './child-queue';

/**
 * Issues one ticket and SIGKILLs itself inside the command's transaction, at
 * the point named on the command line:
 * - `after-ticket`: the ticket row is written, its event is not;
 * - `after-event`: ticket and event are written, the idempotency record is not.
 * Before dying it prints what its own connection sees, so the parent knows the
 * writes really happened before the kill.
 */
const { file, serviceId, at, rest } = childArguments();
const point = rest[0];
const { repos, issuer } = openChildQueue(file, at);

const count = (table: string): number =>
  repos.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)?.n ?? -1;

function die(): never {
  const seen = {
    inTransaction: repos.db.raw.inTransaction,
    tickets: count('tickets'),
    events: count('events'),
    lastSequence:
      repos.db.get<{ v: number }>('SELECT MAX(last_value) AS v FROM ticket_sequences')?.v ?? null,
  };
  fs.writeSync(1, `${JSON.stringify(seen)}\n`);
  process.kill(process.pid, 'SIGKILL');
  throw new Error('still alive after SIGKILL');
}

if (point === 'after-ticket') {
  repos.events.append = () => die();
} else if (point === 'after-event') {
  repos.idempotency.save = () => die();
} else {
  throw new Error(`unknown kill point: ${String(point)}`);
}

issuer.issueTicket({ serviceId }, 'kiosk-1-request-1');
fs.writeSync(1, 'issued without dying\n');
