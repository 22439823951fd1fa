import type { ReportGrouping, ReportSummary } from '../../../server/src/contract/reports';
import type { Actor } from '../../../server/src/services/core/actor';
import { satisfiedFrom } from '../../../server/src/services/admin/monitor-service';
import { buildReportPacks, eachDay } from '../../../server/src/services/reports/report-packs';
import { runReport } from '../../../server/src/services/reports/report-run';
import { ReportService } from '../../../server/src/services/reports/report-service';
import { figuresOf, rounded } from '../../support/report-compare';
import { EXPECTED_TOTAL } from '../../support/report-expected';
import {
  at,
  buildReportFixture,
  REPORT_FROM,
  REPORT_TIME_ZONE,
  type ReportFixture,
} from '../../support/report-fixture';

const GROUPINGS: ReportGrouping[] = ['service', 'counter', 'clerk', 'day', 'hour'];

describe('the packed daily rollup', () => {
  let f: ReportFixture;
  let inline: ReportService;
  let threaded: ReportService;

  beforeEach(() => {
    f = buildReportFixture();
    inline = new ReportService(f.repos, f.services.settings, f.clock, { thread: false });
    threaded = new ReportService(f.repos, f.services.settings, f.clock, { thread: true });
  });
  afterEach(async () => {
    await inline.close();
    await threaded.close();
    f.close();
  });

  const packedDays = () =>
    f.db.all<{ day: string; tickets: number }>('SELECT day, tickets FROM report_days ORDER BY day');

  /** The same report read from the tables only, building and reading no pack. */
  const live = (groupBy: ReportGrouping, from: string, to: string): Promise<ReportSummary> => {
    const rating = f.services.settings.current().rating;
    const now = f.clock.now();
    return runReport(f.db, {
      from,
      to,
      groupBy,
      serviceId: null,
      counterId: null,
      scope: { timeZone: REPORT_TIME_ZONE, now, today: '2026-03-05' },
      centre: { name: f.services.settings.current().centreName, address: '' },
      ratingScale: rating.levels,
      satisfiedFrom: satisfiedFrom(rating),
      packs: 'ignore',
    });
  };

  test('packs the closed days on the first report, and packs answer as the tables do', async () => {
    expect(packedDays()).toEqual([]);
    const first = await inline.summary({ from: REPORT_FROM, to: '2026-03-05', groupBy: 'day' });
    // Monday's six tickets, Tuesday's one, Wednesday's one; today (T9) is never packed.
    expect(packedDays()).toEqual([
      { day: '2026-03-02', tickets: 6 },
      { day: '2026-03-03', tickets: 1 },
      { day: '2026-03-04', tickets: 1 },
    ]);
    expect(rounded(figuresOf(first.total))).toEqual(rounded(EXPECTED_TOTAL));
    for (const groupBy of GROUPINGS) {
      const query = { from: REPORT_FROM, to: '2026-03-05', groupBy };
      const fromPacks = await inline.summary(query);
      expect(fromPacks).toEqual(await live(groupBy, REPORT_FROM, '2026-03-05'));
      // The worker thread, with its own connection, answers the same.
      expect(await threaded.summary(query)).toEqual(fromPacks);
    }
  });

  test('a late rating of a closed day drops its pack, and the next report counts it', async () => {
    const L: Actor = { staffId: f.ids.lan, role: 'clerk' };
    const c1 = f.ids.counter1;
    // Thursday 23:50 a ticket is issued, served 23:52–23:58 at counter 1.
    f.clock.set(at('2026-03-05', '23:50'));
    f.services.counters.signIn(c1, L);
    const late = f.services.issuer.issueTicket({ serviceId: f.ids.HT }).value.ticket.id;
    f.clock.set(at('2026-03-05', '23:51'));
    f.services.queue.callTicket(c1, { ticketId: late }, L);
    f.clock.set(at('2026-03-05', '23:52'));
    f.services.queue.act(c1, 'start', L);
    f.clock.set(at('2026-03-05', '23:58'));
    f.services.queue.act(c1, 'finish', L);
    f.services.counters.signOut(c1, L);
    // Friday 00:02: Thursday is closed; the report packs it, unrated.
    f.clock.set(at('2026-03-06', '00:02'));
    const query = { from: '2026-03-05', to: '2026-03-05', groupBy: 'service' as const };
    const before = await inline.summary(query);
    expect(packedDays().map((p) => p.day)).toContain('2026-03-05');
    expect(before.total.ratings).toBe(0);

    // 00:03, within the rating window: the visitor rates it 1 with a reason.
    f.clock.set(at('2026-03-06', '00:03'));
    f.services.ratings.rate(
      late,
      { level: 1, reasons: ['Cơ sở vật chất'] },
      { device: null, staffId: null, ip: '192.0.2.9' },
    );
    expect(packedDays().map((p) => p.day)).not.toContain('2026-03-05');

    const after = await inline.summary(query);
    expect(after.total.ratings).toBe(1);
    expect(after.total.ratingLevels).toEqual([1, 0, 0, 0]);
    expect(after.total.lowScoreReasons).toEqual({ 'Cơ sở vật chất': 1 });
    expect(after).toEqual(await live('service', '2026-03-05', '2026-03-05'));
    expect(packedDays().map((p) => p.day)).toContain('2026-03-05');
  });

  test('a ticket transferred and cancelled before its next call counts under the counter that called it', async () => {
    const L: Actor = { staffId: f.ids.lan, role: 'clerk' };
    const S: Actor = { staffId: f.ids.supervisor, role: 'supervisor' };
    const c1 = f.ids.counter1;
    const query = { from: '2026-03-05', to: '2026-03-05', groupBy: 'counter' as const };
    const row = (summary: ReportSummary, key: string) => summary.rows.find((r) => r.key === key);
    const before = await inline.summary(query);
    // Thursday 10:00: Lan calls it at counter 1, transfers it to DD; the visitor leaves.
    f.clock.set(at('2026-03-05', '10:00'));
    f.services.counters.signIn(c1, L);
    const ticket = f.services.issuer.issueTicket({ serviceId: f.ids.HT }).value.ticket.id;
    f.clock.set(at('2026-03-05', '10:04'));
    f.services.queue.callTicket(c1, { ticketId: ticket }, L);
    f.clock.set(at('2026-03-05', '10:05'));
    f.services.queue.transfer(c1, { serviceId: f.ids.DD }, L);
    f.clock.set(at('2026-03-05', '10:20'));
    f.services.tickets.cancel(ticket, 'Công dân về', S);
    f.services.counters.signOut(c1, L);

    const today = await inline.summary(query);
    expect(row(today, '1')).toMatchObject({
      issued: (row(before, '1')?.issued ?? 0) + 1,
      cancelled: (row(before, '1')?.cancelled ?? 0) + 1,
      transferred: (row(before, '1')?.transferred ?? 0) + 1,
    });
    // Its wait, issue → first call, is 4 minutes, and it is counted at counter 1's.
    expect(row(today, '1')?.waitMinutes.max).toBeGreaterThanOrEqual(4);
    expect(row(today, '')?.issued ?? 0).toBe(row(before, '')?.issued ?? 0);
    const clerks = await inline.summary({ ...query, groupBy: 'clerk' });
    expect(clerks.rows.find((r) => r.staffId === f.ids.lan)?.cancelled).toBeGreaterThanOrEqual(1);

    // Packed the next day, the day reads the same.
    f.clock.set(at('2026-03-06', '08:00'));
    const packed = await inline.summary(query);
    expect(packedDays().map((p) => p.day)).toContain('2026-03-05');
    expect(packed.rows).toEqual(today.rows);
    expect(packed).toEqual(await live('counter', '2026-03-05', '2026-03-05'));
  });

  test('a pause changed after packing drops the packs it overlaps', async () => {
    await buildReportPacks(f.db, {
      timeZone: REPORT_TIME_ZONE,
      today: '2026-03-05',
      now: f.clock.now(),
    });
    expect(packedDays()).toHaveLength(3);
    // A correction of Tuesday's pause (09:00–09:30) to end at 09:40.
    f.db.run('UPDATE counter_pauses SET ended_at = ? WHERE started_at = ?', [
      at('2026-03-03', '09:40'),
      at('2026-03-03', '09:00'),
    ]);
    expect(packedDays().map((p) => p.day)).toEqual(['2026-03-02', '2026-03-04']);
    const summary = await inline.summary({ from: REPORT_FROM, to: '2026-03-05', groupBy: 'day' });
    // Tuesday: paused 30 + 10 = 40; shifts while open 210 + 210 = 420: idle 420 − 40 − 9 = 371.
    expect(summary.rows.find((r) => r.key === '2026-03-03')).toMatchObject({
      pausedMinutes: 40,
      idleMinutes: 371,
    });
  });

  test('a pack built in another time zone is not read but rebuilt', async () => {
    await inline.summary({ from: REPORT_FROM, to: '2026-03-05', groupBy: 'day' });
    f.db.run("UPDATE report_days SET time_zone = 'UTC', facts = X'' WHERE day = '2026-03-02'");
    const summary = await inline.summary({ from: REPORT_FROM, to: '2026-03-05', groupBy: 'day' });
    expect(summary.rows[0]).toMatchObject({ key: '2026-03-02', issued: 6, served: 3 });
    expect(
      f.db.get<{ time_zone: string }>("SELECT time_zone FROM report_days WHERE day = '2026-03-02'"),
    ).toEqual({ time_zone: REPORT_TIME_ZONE });
  });

  test('a day changed while its pack is built keeps no pack, and the next report counts the change', async () => {
    const scope = { timeZone: REPORT_TIME_ZONE, today: '2026-03-05', now: f.clock.now() };
    const range = { from: REPORT_FROM, to: '2026-03-04', packs: 'build' as const };
    const seen: string[] = [];
    await eachDay(f.db, scope, range, (facts) => {
      seen.push(facts.day);
      // Monday is built; Tuesday, claimed with it, is not yet. Its pause is corrected.
      if (facts.day === '2026-03-02')
        f.db.run('UPDATE counter_pauses SET ended_at = ? WHERE started_at = ?', [
          at('2026-03-03', '09:40'),
          at('2026-03-03', '09:00'),
        ]);
    });
    expect(seen).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    // Tuesday's claim went with the change, so its pack was not stored under it.
    expect(f.db.all('SELECT day, format FROM report_days ORDER BY day')).toEqual([
      { day: '2026-03-02', format: expect.any(Number) },
      { day: '2026-03-04', format: expect.any(Number) },
    ]);
    expect(packedDays().every((p) => p.tickets > 0)).toBe(true);
    const summary = await inline.summary({ from: REPORT_FROM, to: '2026-03-05', groupBy: 'day' });
    expect(summary.rows.find((r) => r.key === '2026-03-03')).toMatchObject({ pausedMinutes: 40 });
    expect(packedDays().map((p) => p.day)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
  });

  test('a claim left behind (a build cut short) reads as no pack and is built again', async () => {
    const query = { from: REPORT_FROM, to: '2026-03-05', groupBy: 'day' as const };
    const built = await inline.summary(query);
    f.db.run(
      "UPDATE report_days SET format = 0, tickets = 0, facts = X'', extras = 'x' WHERE day = '2026-03-02'",
    );
    const scope = { timeZone: REPORT_TIME_ZONE, today: '2026-03-05', now: f.clock.now() };
    expect(await buildReportPacks(f.db, scope)).toBe(1);
    expect(packedDays()).toContainEqual({ day: '2026-03-02', tickets: 6 });
    expect(await inline.summary(query)).toEqual(built);
  });

  test('buildReportPacks packs every closed day from the first ticket, once', async () => {
    const scope = { timeZone: REPORT_TIME_ZONE, today: '2026-03-05', now: f.clock.now() };
    expect(await buildReportPacks(f.db, scope)).toBe(3);
    expect(await buildReportPacks(f.db, scope)).toBe(0);
  });
});
