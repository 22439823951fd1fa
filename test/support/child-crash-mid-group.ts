import fs from 'node:fs';
import { childArguments, openChildQueue } from './child-queue';

/**
 * Queues three ticket issues as one group (`issueTicketGrouped`, group commit) and SIGKILLs
 * itself inside the group's transaction, as the third saves its idempotency record: the
 * first two have run their savepoints, nothing is committed. Before dying it prints what its
 * own connection sees; each issue acknowledged prints `ack <number>` (none should).
 */
const { file, serviceId, at } = childArguments();
const { repos, issuer } = openChildQueue(file, at);

const count = (table: string): number =>
  repos.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)?.n ?? -1;

const save = repos.idempotency.save.bind(repos.idempotency);
let saves = 0;
repos.idempotency.save = (...args) => {
  saves += 1;
  if (saves < 3) return save(...args);
  const seen = {
    inTransaction: repos.db.raw.inTransaction,
    tickets: count('tickets'),
    events: count('events'),
    idempotencyKeys: count('idempotency_keys'),
  };
  fs.writeSync(1, `${JSON.stringify(seen)}\n`);
  process.kill(process.pid, 'SIGKILL');
  throw new Error('still alive after SIGKILL');
};

for (const key of ['group-1', 'group-2', 'group-3']) {
  void issuer
    .issueTicketGrouped({ serviceId }, key, null)
    .then((result) => fs.writeSync(1, `ack ${result.value.ticket.number}\n`));
}
