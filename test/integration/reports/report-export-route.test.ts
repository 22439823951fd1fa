import ExcelJS from 'exceljs';
import { closeReportExports } from '../../../server/src/services/reports/report-export';
import { addStaff, STAFF_PASSWORD } from '../../support/accounts';
import { ApiClient } from '../../support/api-client';
import { ManualClock, startTestServer, type TestServer } from '../../support/test-server';
import { describeWithPdftotext, pdfText } from '../../unit/reports/pdf-text';

/**
 * A new supervisor's session cookie, signed in by hand: the files are binary, which
 * ApiClient reads as text.
 */
async function supervisorCookie(server: TestServer): Promise<string> {
  await addStaff(server, 'giamsat', 'supervisor');
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'giamsat', password: STAFF_PASSWORD }),
  });
  expect(login.status).toBe(200);
  return login.headers.get('set-cookie')?.split(';')[0] ?? '';
}

/** The route's files, through real HTTP, for a day with two tickets issued. */
describeWithPdftotext('GET /api/reports/summary?format=csv|xlsx|pdf', () => {
  // 02:00 UTC on 27 Nov 2026 is 09:00 in the demo centre's zone (UTC+7).
  const clock = new ManualClock(Date.UTC(2026, 10, 27, 2, 0, 0));
  let server: TestServer;
  let cookie = '';
  const day = '2026-11-27';
  const path = (format: string) => `/api/reports/summary?from=${day}&to=${day}&format=${format}`;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    cookie = await supervisorCookie(server);
    const kiosk = new ApiClient(server.url);
    const [service] = server.server.application.repos.services.listActive();
    if (!service) throw new Error('the demo centre has services');
    await kiosk.issue(service.id);
    await kiosk.issue(service.id);
  });

  afterAll(async () => {
    await closeReportExports();
    await server.stop();
  });

  async function download(format: string): Promise<{ body: Buffer; headers: Headers }> {
    const response = await fetch(server.url + path(format), {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    return { body: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  }

  test('answers a CSV attachment with the BOM, the headers and the two issued tickets', async () => {
    const { body, headers } = await download('csv');
    expect(headers.get('content-type')).toMatch(/^text\/csv/);
    expect(headers.get('content-disposition')).toContain(
      `filename="bao-cao-${day}_${day}-service.csv"`,
    );
    const text = body.toString('utf8');
    expect(text.startsWith('\uFEFFDịch vụ / Service,Số phiếu cấp / Issued,')).toBe(true);
    // Two tickets issued, none served yet.
    expect(text).toMatch(/\r\nTổng cộng \/ Total,2,0,0,0,0,0,/);
  });

  test('answers an XLSX whose service sheet totals the two tickets as numbers', async () => {
    const { body } = await download('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Theo dịch vụ');
    const rows = sheet?.getSheetValues() ?? [];
    const total = rows.find((row) => Array.isArray(row) && row[1] === 'Tổng cộng / Total');
    expect(Array.isArray(total) ? total[2] : null).toBe(2);
  });

  test('answers a PDF whose text names the centre and totals the two tickets', async () => {
    const { body, headers } = await download('pdf');
    expect(headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(body);
    expect(text).toContain('Kỳ báo cáo / Period: 27/11/2026 – 27/11/2026');
    expect(text).toMatch(/Tổng cộng \/ Total 2 0 0 0 0 0 /);
  });
});

/** The route's answers around the reports' queue, through real HTTP. */
describe('GET /api/reports/summary: queue and caching headers', () => {
  const clock = new ManualClock(Date.UTC(2026, 10, 27, 2, 0, 0));
  let server: TestServer;
  let cookie = '';

  beforeAll(async () => {
    server = await startTestServer({ clock });
    cookie = await supervisorCookie(server);
  });
  afterAll(async () => {
    await closeReportExports();
    await server.stop();
  });

  test('a full queue answers 429 report_busy with Retry-After; no answer may be cached', async () => {
    // Twelve reports of twelve years by day at once: one runs, four wait, the rest are refused.
    const wide = '/api/reports/summary?from=2015-01-01&to=2026-11-26&groupBy=day';
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => fetch(server.url + wide, { headers: { cookie } })),
    );
    const bodies = await Promise.all(answers.map((a) => a.text()));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    const busy = statuses.indexOf(429);
    expect(busy).toBeGreaterThanOrEqual(0);
    expect(answers[busy]!.headers.get('retry-after')).toBe('3');
    expect(JSON.parse(bodies[busy]!)).toMatchObject({ error: { code: 'report_busy' } });
    const ok = answers[statuses.indexOf(200)]!;
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.headers.get('retry-after')).toBeNull();
    // A refusal before the report (a bad range) asks for no retry either.
    const bad = await fetch(`${server.url}/api/reports/summary?from=2026-11-27&to=2026-11-01`, {
      headers: { cookie },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('retry-after')).toBeNull();
  });
});
