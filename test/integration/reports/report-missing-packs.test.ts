import { ReportService } from '../../../server/src/services/reports/report-service';
import { buildReportFixture, type ReportFixture } from '../../support/report-fixture';

/**
 * `buildMissingPacks` after start-up: the packs of closed days that have none, built in
 * the report thread when there is one (a decade of days never holds the main thread), or
 * inline; a start with every pack in place does nothing.
 */
describe('building the missing packs after start-up', () => {
  let f: ReportFixture;
  let service: ReportService | null = null;

  beforeEach(() => {
    f = buildReportFixture();
  });
  afterEach(async () => {
    await service?.close();
    service = null;
    f.close();
  });

  const packedDays = () =>
    f.db.all<{ day: string; time_zone: string }>(
      'SELECT day, time_zone FROM report_days ORDER BY day',
    );

  test.each([
    ['in the report thread', true],
    ['inline', false],
  ])('packs each closed day once, %s, and a stale zone again', async (_, thread) => {
    service = new ReportService(f.repos, f.services.settings, f.clock, { thread });
    // The fixture's history: Monday to Wednesday closed, Thursday (today) never packed.
    expect(await service.buildMissingPacks()).toBe(3);
    expect(packedDays()).toEqual([
      { day: '2026-03-02', time_zone: 'Asia/Ho_Chi_Minh' },
      { day: '2026-03-03', time_zone: 'Asia/Ho_Chi_Minh' },
      { day: '2026-03-04', time_zone: 'Asia/Ho_Chi_Minh' },
    ]);
    expect(await service.buildMissingPacks()).toBe(0);

    // A pack built in another zone is rebuilt.
    f.db.run("UPDATE report_days SET time_zone = 'UTC' WHERE day = '2026-03-03'");
    await service.buildMissingPacks();
    expect(packedDays()[1]).toEqual({ day: '2026-03-03', time_zone: 'Asia/Ho_Chi_Minh' });
  });
});
