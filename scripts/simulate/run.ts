import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dayStart } from '../../server/src/domain/day-bounds';
import { SERVER_NODE_FLAGS } from '../../server/src/node-flags';
import { toSpans } from '../history/calendar';
import { seededRandom } from '../history/random';
import { setUpCentre } from './centre';
import { Clerk } from './clerk';
import { SegmentClock, SteppedClock, wallNow, type ClockSegment } from './clock';
import { FeedWatch } from './feed-watch';
import { HallScreen, Kiosks } from './devices';
import { RequestLog, SimClient } from './http';
import { Ledger } from './ledger';
import { Scheduler, type StepDriver } from './scheduler';
import type { ChildClock, SimChildReply, SimChildRequest } from './server-child';
import { summarise, type SimulationReport } from './summary';
import { dayWorkload } from './workload';

const MINUTE = 60_000;
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** How a run is set. */
export interface SimulationOptions {
  seed: string;
  /** Arrivals × this (1 ≈ 800 a day). */
  load: number;
  days: number;
  /**
   * `stepped` (the default): the server's clock frozen between events, moved by the
   * simulator once everything due has settled, so the figures do not depend on the
   * machine. `accelerated`: the clock runs at `speed` against the wall clock.
   */
  clock: 'stepped' | 'accelerated';
  /** Simulated ms per wall ms while the centre works (accelerated clock only). */
  speed: number;
  /** The first day (YYYY-MM-DD, a weekday); later days skip days without opening hours. */
  start: string;
  /** Local time ("HH:MM") at which each simulated day is cut short; "24:00" for none. */
  until: string;
  kiosks: number;
  displays: number;
  /** A line printed under the run's heading (what was measured, e.g. the estimator's commit). */
  note?: string;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
}

export const DEFAULT_OPTIONS: SimulationOptions = {
  seed: 'luot',
  load: 1,
  days: 1,
  clock: 'stepped',
  speed: 600,
  start: '2026-03-10',
  until: '24:00',
  kiosks: 2,
  displays: 3,
};

/** The server in its own process (scripts/simulate/server-child.ts). */
class ServerProcess {
  private readonly child: ChildProcess;
  private readonly replies: SimChildReply[] = [];
  private waiters: (() => void)[] = [];

  constructor(dataDir: string, password: string, clock: ChildClock) {
    this.child = spawn(
      process.execPath,
      [
        ...SERVER_NODE_FLAGS,
        '--import',
        'tsx',
        path.join(__dirname, 'server-child.ts'),
        dataDir,
        password,
        JSON.stringify(clock),
      ],
      { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    this.child.on('message', (reply: SimChildReply) => {
      this.replies.push(reply);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.child.on('exit', () => this.waiters.splice(0).forEach((wake) => wake()));
  }

  async next<T extends SimChildReply['type']>(
    type: T,
  ): Promise<Extract<SimChildReply, { type: T }>> {
    for (;;) {
      const index = this.replies.findIndex((r) => r.type === type || r.type === 'error');
      if (index >= 0) {
        const [reply] = this.replies.splice(index, 1);
        if (reply?.type === 'error') throw new Error(`server: ${reply.message}`);
        return reply as Extract<SimChildReply, { type: T }>;
      }
      if (this.child.exitCode !== null) throw new Error(`server exited ${this.child.exitCode}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  send(request: SimChildRequest): void {
    this.child.send(request);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.send({ type: 'stop' });
    await exited;
  }
}

/** The working days from `start` on: days with opening hours (weekends have none). */
function workingDays(start: string, count: number, hours: Record<string, unknown[]>): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); days.length < count; t += 24 * 3_600_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if ((hours[String(new Date(t).getUTCDay())] ?? []).length > 0) days.push(day);
  }
  return days;
}

/**
 * Runs the simulation: the real server in a child process on a fresh data folder, its
 * clock accelerated; the centre set up over the admin API; each day's kiosks, clerks and
 * hall screens driven over HTTP and Socket.IO; the figures summarised. The data folder
 * is removed afterwards.
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationReport> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'luot-simulate-'));
  const password = randomBytes(12).toString('base64url');
  const firstMidnight = dayStart(options.start, TIME_ZONE);
  const stepped = options.clock === 'stepped';
  /** Accounts are set up and clerks sign in from 06:30 (at real speed when accelerated). */
  const setupAt = (midnight: number) => midnight + 6 * 60 * MINUTE + 30 * MINUTE;
  const setupSegment = (midnight: number): ClockSegment => ({
    simBase: setupAt(midnight),
    wallBase: wallNow(),
    speed: 1,
  });
  const firstSegment = setupSegment(firstMidnight);
  const clock = stepped ? new SteppedClock(setupAt(firstMidnight)) : new SegmentClock(firstSegment);
  const server = new ServerProcess(
    dataDir,
    password,
    stepped ? { kind: 'stepped', at: clock.now() } : { kind: 'accelerated', segment: firstSegment },
  );
  const requestLog = new RequestLog();
  const ledger = new Ledger();
  const watch = stepped ? new FeedWatch() : undefined;
  let serverTimer: number | null = null;
  const driver: StepDriver = {
    async advance(at) {
      server.send({ type: 'step', at });
      const reply = await server.next('step');
      (clock as SteppedClock).set(at);
      serverTimer = reply.nextTimer;
      await (watch as FeedWatch).until(reply.seq);
    },
    nextServerTimer: () => serverTimer,
    activity: () => requestLog.sent,
    async settle() {
      server.send({ type: 'seq' });
      await (watch as FeedWatch).until((await server.next('seq')).seq);
    },
  };
  const scheduler = new Scheduler(clock, stepped ? driver : null);
  const screens: HallScreen[] = [];
  const clerks: Clerk[] = [];
  /** Moves the clock to `at`; accelerated, runs it at `speed` from there. */
  const setClock = async (at: number, speed: number) => {
    if (clock instanceof SteppedClock) return driver.advance(at);
    const next = { simBase: at, wallBase: wallNow(), speed };
    server.send({ type: 'clock', segment: next });
    await server.next('clock');
    clock.set(next);
  };
  try {
    const { url } = await server.next('ready');
    log(`server at ${url}, data in ${dataDir}`);
    const centre = await setUpCentre({
      url,
      adminPassword: password,
      seed: options.seed,
      kiosks: options.kiosks,
      displays: options.displays,
      log: requestLog,
    });
    for (const counter of centre.counters)
      ledger.counters.set(counter.id, {
        id: counter.id,
        number: counter.number,
        openMs: 0,
        busyMs: 0,
        served: 0,
        openSince: null,
        busySince: null,
      });
    for (const token of centre.displayTokens) screens.push(new HallScreen(url, token));
    await Promise.all(screens.map((screen) => screen.connected()));
    const kiosks = new Kiosks(url, centre.kioskTokens, requestLog, ledger);
    const screenClient = new SimClient(url, requestLog);
    const rating = centre.settings.rating;
    const days = workingDays(options.start, options.days, centre.settings.openingHours);
    const untilMinute = toSpans([{ open: '00:00', close: options.until }])[0]?.to ?? 1440;
    const dayFigures: { day: string; arrivals: number; wallSeconds: number }[] = [];
    for (const [index, day] of days.entries()) {
      const midnight = dayStart(day, TIME_ZONE);
      if (index > 0) await setClock(setupAt(midnight), 1);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const workload = dayWorkload(
        {
          seed: options.seed,
          day,
          weekday,
          midnight,
          load: options.load,
          kiosks: centre.kioskTokens.length,
          untilMinute,
          counterIds: centre.counters.map((c) => c.id),
        },
        centre.settings,
        centre.services,
      );
      const firstSpan = workload.spans[0];
      if (!firstSpan) continue;
      const dayClerks = centre.counters.map(
        (counter) =>
          new Clerk(
            {
              url,
              log: requestLog,
              ledger,
              scheduler: scheduler.lane(),
              ...(watch && { watch }),
              screen: screenClient,
              rating: {
                enabled: rating.enabled,
                levels: rating.levels.map((l) => l.level).sort((a, b) => a - b),
                lowThreshold: rating.lowThreshold,
                reasons: rating.reasons,
              },
              lunchReason: centre.settings.pauseReasons[0] ?? 'Nghỉ giải lao',
              targetWait: (id) => centre.services.find((s) => s.id === id)?.targetWaitMinutes ?? 20,
            },
            counter,
            centre.clerks.get(counter.id) as { username: string; password: string },
            workload.clerks.get(counter.id)!,
            seededRandom(`${options.seed}:${day}:clerk-acts:${counter.id}`),
            day,
          ),
      );
      clerks.push(...dayClerks);
      await Promise.all(dayClerks.map((clerk) => clerk.signIn()));
      const dayStarted = performance.now();
      // The centre's day starts a quarter of an hour before opening (accelerated from there).
      await setClock(midnight + (firstSpan.from - 15) * MINUTE, options.speed);
      log(`${day}: ${workload.visitors.length} arrivals, ${dayClerks.length} counters`);
      kiosks.schedule(scheduler.lane(), workload.visitors);
      for (const clerk of dayClerks) clerk.schedule();
      await scheduler.idle();
      const end = clock.now();
      for (const record of ledger.counters.values()) {
        ledger.free(record.id, end);
        ledger.closed(record.id, end);
      }
      const stuck = dayClerks.filter((clerk) => !clerk.gone).length;
      if (stuck > 0) ledger.surprise(`${day}: ${stuck} clerks never finished their day`);
      dayClerks.forEach((clerk) => clerk.close());
      const wallSeconds = (performance.now() - dayStarted) / 1000;
      dayFigures.push({ day, arrivals: workload.visitors.length, wallSeconds });
      log(`${day}: done in ${wallSeconds.toFixed(1)} s`);
    }
    await Promise.all(screens.map((screen) => screen.settled()));
    server.send({ type: 'stats' });
    const serverStats = await server.next('stats');
    return summarise({
      options,
      centre,
      ledger,
      requestLog,
      schedulerErrors: scheduler.errors,
      screens,
      days: dayFigures,
      serverStats,
      wallSeconds: (performance.now() - started) / 1000,
      timeZone: TIME_ZONE,
    });
  } finally {
    scheduler.clear();
    clerks.forEach((clerk) => clerk.close());
    screens.forEach((screen) => screen.close());
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
