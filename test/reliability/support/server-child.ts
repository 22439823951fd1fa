import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { loadConfig } from '../../../server/src/config';
import { startServer } from '../../../server/src/server';
import type { Repos } from '../../../server/src/storage/repos';
import type { ChildRequest, ChildReply, ChildStats, ServerChildOptions } from './child-protocol';

/**
 * The real server in a process of its own, for the reliability tests: killed with SIGKILL,
 * measured for memory and handles, its clock running from a given instant or set by the
 * parent. Argument: the options as JSON. Prints the URL once listening; answers the
 * parent's IPC requests (`set-clock`, `stats`) when started with an IPC channel.
 */
const options = JSON.parse(process.argv[2] ?? 'null') as ServerChildOptions | null;
if (options === null) throw new Error('usage: <options as JSON>');

const origin = performance.now();
let manualAt = options.startAt;
const clock = {
  now: () =>
    options.clock === 'manual'
      ? manualAt
      : options.startAt + Math.floor(performance.now() - origin),
};

/** Far enough that no clock the tests move ends the duty clerks' sessions. */
const NEVER = 8.64e15;

/**
 * Seats a duty clerk at every free counter, straight in the database, as the component
 * tests' staffCounters does: a number is only called to a counter someone holds, and the
 * tests act at counters as a supervisor. A counter already held (after a restart) is left.
 */
function seatDutyClerks(repos: Repos): void {
  for (const counter of repos.counters.list()) {
    if (counter.staffId != null) continue;
    const staffId = repos.staff.insert(
      {
        username: `truc-quay-${counter.id}-${randomBytes(3).toString('hex')}`,
        displayName: `Cán bộ trực quầy ${counter.id}`,
        role: 'clerk',
        passwordHash: '-',
        mustChangePassword: false,
      },
      0,
    );
    repos.staff.insertSession(randomBytes(32).toString('hex'), staffId, 0, NEVER);
    repos.counters.setStaff(counter.id, staffId, 0);
  }
}

function stats(): ChildStats {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('start the child with --expose-gc to measure memory');
  // Twice: the first pass may only queue finalizers that free more on the second.
  gc();
  gc();
  const resources: Record<string, number> = {};
  for (const name of process.getActiveResourcesInfo()) resources[name] = (resources[name] ?? 0) + 1;
  return { heapUsed: process.memoryUsage().heapUsed, resources };
}

startServer(
  loadConfig({
    PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
    LUOT_DATA_DIR: options.dataDir,
    LUOT_ADMIN_PASSWORD: options.adminPassword,
    LOG_LEVEL: 'silent',
  }),
  { clock, logger: pino({ level: 'silent' }) },
).then(
  (server) => {
    if (options.seatClerks) seatDutyClerks(server.application.repos);
    process.on('message', (message: ChildRequest) => {
      let reply: ChildReply;
      if (message.type === 'set-clock') {
        manualAt = message.at;
        reply = { id: message.id, ok: true };
      } else {
        reply = { id: message.id, ok: true, stats: stats() };
      }
      process.send?.(reply);
    });
    process.stdout.write(`${server.url}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
