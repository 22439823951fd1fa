import { REPORT_GROUPINGS, type ReportSummary } from '../../../server/src/contract/reports';
import { addStaff, signedIn } from '../../support/accounts';
import { ApiClient } from '../../support/api-client';
import { figuresOf, rounded } from '../../support/report-compare';
import {
  EXPECTED_ROWS,
  EXPECTED_TOTAL,
  EXPECTED_WAIT_BANDS,
  EXPECTED_WEEKDAY_HOURS,
} from '../../support/report-expected';
import {
  buildReportFixture,
  REPORT_FROM,
  REPORT_NOW,
  REPORT_TO,
  type ReportFixture,
} from '../../support/report-fixture';
import { ManualClock, startTestServer, type TestServer } from '../../support/test-server';

const PERIOD = `from=${REPORT_FROM}&to=${REPORT_TO}`;

describe('GET /api/reports/summary over the hand-counted centre', () => {
  let fixture: ReportFixture;
  let server: TestServer;
  let supervisor: ApiClient;

  beforeAll(async () => {
    fixture = buildReportFixture();
    fixture.close();
    server = await startTestServer({
      dataDir: fixture.dataDir,
      clock: new ManualClock(REPORT_NOW),
    });
    await addStaff(server, 'truongca', 'supervisor');
    await addStaff(server, 'canbo', 'clerk');
    supervisor = await signedIn(server, 'truongca');
  }, 60_000);
  afterAll(() => server.stop());

  const report = async (query: string): Promise<ReportSummary> => {
    const response = await supervisor.get<ReportSummary>(`/api/reports/summary?${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  test.each(REPORT_GROUPINGS)(
    'matches the figures counted by hand, grouped by %s',
    async (groupBy) => {
      const summary = await report(`${PERIOD}&groupBy=${groupBy}`);

      expect(summary.groupBy).toBe(groupBy);
      expect(rounded(summary.rows.map(figuresOf))).toEqual(rounded(EXPECTED_ROWS[groupBy]));
      expect(rounded(figuresOf(summary.total))).toEqual(rounded(EXPECTED_TOTAL));
      expect(summary.waitBands).toEqual(EXPECTED_WAIT_BANDS);
      expect(summary.arrivalsByWeekdayHour).toEqual(EXPECTED_WEEKDAY_HOURS);
    },
  );

  test('groups by service by default and names the centre, the period and the scale', async () => {
    const summary = await report(PERIOD);

    expect(summary).toMatchObject({
      centre: { timeZone: 'Asia/Ho_Chi_Minh' },
      from: REPORT_FROM,
      to: REPORT_TO,
      groupBy: 'service',
      serviceId: null,
      counterId: null,
      generatedAt: new Date(REPORT_NOW).toISOString(),
      satisfiedFrom: 3,
    });
    expect(summary.ratingScale.map((level) => level.label)).toEqual([
      'Không hài lòng',
      'Bình thường',
      'Hài lòng',
      'Rất hài lòng',
    ]);
    expect(summary.rows.map((r) => [r.key, r.label, r.labelEn, r.serviceId])).toEqual([
      ['HT', 'Hộ tịch', 'Civil status', fixture.ids.HT],
      ['DD', 'Đất đai', 'Land', fixture.ids.DD],
    ]);
    expect([summary.total.key, summary.total.label, summary.total.labelEn]).toEqual([
      '',
      'Tổng cộng',
      'Total',
    ]);
  });

  test('labels counters and clerks, and puts tickets never called last', async () => {
    const counters = await report(`${PERIOD}&groupBy=counter`);
    expect(counters.rows.map((r) => [r.label, r.labelEn, r.counterId])).toEqual([
      ['Quầy 1 · Tiếp nhận', 'Counter 1 · Tiếp nhận', fixture.ids.counter1],
      ['Quầy 2 · Trả kết quả', 'Counter 2 · Trả kết quả', fixture.ids.counter2],
      ['Chưa gọi', 'Not called', null],
    ]);
    const clerks = await report(`${PERIOD}&groupBy=clerk`);
    expect(clerks.rows.map((r) => [r.label, r.staffId])).toEqual([
      ['Nguyễn Thị Lan', fixture.ids.lan],
      ['Trần Văn Bình', fixture.ids.binh],
      ['Chưa gọi', null],
    ]);
  });

  test('filters by service (issued under the first service) and by counter', async () => {
    const ht = await report(`${PERIOD}&serviceId=${fixture.ids.HT}`);
    // Issued for HT: T1 T2 T4 T6 T8; finally HT: T2 T4 T6 T8; pauses belong to no service.
    expect(rounded(figuresOf(ht.total))).toEqual(
      rounded({ ...EXPECTED_ROWS.service[0]!, key: '' }),
    );
    expect(ht.serviceId).toBe(fixture.ids.HT);
    expect(ht.filterLabels).toEqual({
      service: { label: 'Hộ tịch', labelEn: 'Civil status' },
      counter: null,
    });

    const c1 = await report(`${PERIOD}&groupBy=day&counterId=${fixture.ids.counter1}`);
    expect(c1.filterLabels).toEqual({
      service: null,
      counter: { label: 'Quầy 1 · Tiếp nhận', labelEn: 'Counter 1 · Tiếp nhận' },
    });
    // T2 T4 and counter 1's pauses and shifts: the counter row of the counter grouping.
    expect(rounded(figuresOf(c1.total))).toEqual(
      rounded({ ...EXPECTED_ROWS.counter[0]!, key: '' }),
    );
    // Shifts while open (07:30–11:30, 13:30–17:00). Monday: T2 T4, shift 210 + 150 = 360,
    // paused 15, busy 9 + 2 + 3 (T1 before its transfer): idle 331; Tuesday: shift 210
    // (to 11:30), paused 30: idle 180.
    expect(c1.rows.map((r) => [r.key, r.issued, r.pausedMinutes, r.idleMinutes])).toEqual([
      ['2026-03-02', 2, 15, 331],
      ['2026-03-03', 0, 30, 180],
    ]);
  });

  test('answers a day with nothing as empty rows and a zero total', async () => {
    const summary = await report('from=2026-02-01&to=2026-02-01&groupBy=hour');
    expect(summary.rows).toEqual([]);
    expect(summary.total).toMatchObject({ issued: 0, served: 0, pausedMinutes: 0, idleMinutes: 0 });
    expect(summary.total.waitMinutes).toEqual({
      count: 0,
      mean: null,
      median: null,
      p90: null,
      max: null,
    });
  });

  test('refuses unknown filters with 404', async () => {
    const service = await supervisor.get(`/api/reports/summary?${PERIOD}&serviceId=999`);
    expect([service.status, (service.body as { error: { code: string } }).error.code]).toEqual([
      404,
      'service_not_found',
    ]);
    const counter = await supervisor.get(`/api/reports/summary?${PERIOD}&counterId=999`);
    expect([counter.status, (counter.body as { error: { code: string } }).error.code]).toEqual([
      404,
      'counter_not_found',
    ]);
  });

  test.each([
    ['a missing period', 'groupBy=day'],
    ['an impossible date', 'from=2026-02-30&to=2026-03-01'],
    ['a date not in YYYY-MM-DD', 'from=2026-3-1&to=2026-03-02'],
    ['from after to', 'from=2026-03-05&to=2026-03-01'],
    ['a span over 4,400 days', 'from=2014-12-14&to=2026-12-31'],
    ['an unknown grouping', `${PERIOD}&groupBy=year`],
    ['several groupings as JSON', `${PERIOD}&groupBy=service,day`],
    ['several groupings as CSV', `${PERIOD}&groupBy=service,day&format=csv`],
    ['several groupings as PDF', `${PERIOD}&groupBy=service,day&format=pdf`],
    ['a grouping asked twice', `${PERIOD}&groupBy=day,service,day&format=xlsx`],
    ['an unknown grouping in a list', `${PERIOD}&groupBy=service,year&format=xlsx`],
    ['an empty grouping in a list', `${PERIOD}&groupBy=service,&format=xlsx`],
    ['an unknown format', `${PERIOD}&format=doc`],
    ['a service id not a number', `${PERIOD}&serviceId=abc`],
    ['a stray parameter', `${PERIOD}&limit=3`],
  ])('refuses %s with 400 validation_failed', async (_what, query) => {
    const response = await supervisor.get(`/api/reports/summary?${query}`);
    expect(response.status).toBe(400);
    expect((response.body as { error: { code: string } }).error.code).toBe('validation_failed');
  });

  test.each([
    ['the last day of year 9999', 'from=9999-12-31&to=9999-12-31'],
    ['year 50 (Date.UTC would read 1950)', 'from=0050-01-01&to=0050-01-02'],
    ['a day before 2000', 'from=1999-12-31&to=2000-01-01'],
    ['a day after 2100', 'from=2100-12-31&to=2101-01-01'],
  ])(
    'refuses %s at once with 400 naming the years allowed',
    async (_what, query) => {
      const started = Date.now();
      const response = await supervisor.get<{
        error: { code: string; issues: { path: string; message: string }[] };
      }>(`/api/reports/summary?${query}`);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.issues.map((issue) => issue.message)).toContain(
        'a day from 2000-01-01 to 2100-12-31',
      );
    },
    10_000,
  );

  test('names a malformed day once, as itself, not as a reversed or too long period', async () => {
    const response = await supervisor.get<{
      error: { issues: { path: string; message: string }[] };
    }>('/api/reports/summary?from=2026-1-1&to=2026-01-02');
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toEqual([
      { path: 'from', message: expect.stringContaining('YYYY-MM-DD') },
    ]);
  });

  test('never repeats a long unknown grouping back in full', async () => {
    const response = await supervisor.get(
      `/api/reports/summary?${PERIOD}&groupBy=${'x'.repeat(5000)},${'y'.repeat(5000)}`,
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body).length).toBeLessThan(1000);
  });

  test('takes a span of exactly 4,400 days', async () => {
    // 2014-12-15 … 2026-12-31: 4,400 days both included (4,401 from the 14th).
    const summary = await report('from=2014-12-15&to=2026-12-31&groupBy=month');
    expect(summary.total.issued).toBe(9);
  }, 60_000);

  test('is for supervisors and admins: 401 anonymous, 403 clerks', async () => {
    const anonymous = await new ApiClient(server.url).get(`/api/reports/summary?${PERIOD}`);
    expect(anonymous.status).toBe(401);
    const clerk = await signedIn(server, 'canbo');
    const refused = await clerk.get(`/api/reports/summary?${PERIOD}`);
    expect(refused.status).toBe(403);
    const admin = await signedIn(server, server.adminUsername, server.adminPassword);
    expect((await admin.get(`/api/reports/summary?${PERIOD}`)).status).toBe(200);
  });

  test('sends the CSV export as a download', async () => {
    const response = await supervisor.get<string>(`/api/reports/summary?${PERIOD}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
  });
});
