import type { AuditPage, PrintJob, PrinterView, TestPrintJob } from '../../../server/src/contract';
import { ApiClient } from '../../support/api-client';
import { eventually } from '../../support/eventually';
import { addFakePrinter, type ConfiguredPrinter } from '../../support/printer-setup';
import { errorOf, expectStatus, SERVICE } from '../../support/queue-helpers';
import { startTestServer, type TestServer } from '../../support/test-server';

/** `GS V`: the cut that ends every job our encoders write. */
const CUT = '\u001dV';

describe('POST /api/printers/:id/test', () => {
  let server: TestServer;
  let configured: ConfiguredPrinter;

  beforeEach(async () => {
    server = await startTestServer();
    // ASCII mode: the printed lines can be read from the bytes.
    configured = await addFakePrinter(server, 'ok', { options: { mode: 'ascii' } });
  });

  afterEach(async () => {
    await server.stop();
    await configured.device.close();
  });

  const testPrint = (id: number | string) =>
    configured.admin.post<{ job: TestPrintJob }>(`/api/printers/${id}/test`);

  test('prints the test page in Vietnamese and answers 202 with the job', async () => {
    // Act
    const response = await testPrint(configured.printer.id);

    // Assert
    const { job } = expectStatus(response, 202);
    expect(job).toEqual({
      kind: 'test',
      printerId: configured.printer.id,
      status: 'done',
      state: 'online',
      detail: null,
      at: '2026-11-27T02:00:00.000Z',
    });
    const printed = configured.device.received().toString('latin1');
    expect(printed).toContain('In thu');
    expect(printed).toContain('Trung tam Phuc vu hanh chinh cong');
    expect(printed).toContain('May in: May in sanh');
    // 02:00 UTC is 09:00 in the centre's zone (Asia/Ho_Chi_Minh).
    expect(printed).toContain('09:00 27/11/2026');
    expect(printed).toContain('AAAAA aaaaa Dd UO uo');
    expect(printed.endsWith(CUT) || printed.includes(CUT)).toBe(true);
  });

  test('is audited as printer.test with its outcome', async () => {
    // Act
    expectStatus(await testPrint(configured.printer.id), 202);

    // Assert
    const page = expectStatus(
      await configured.admin.get<AuditPage>('/api/audit?action=printer.test'),
      200,
    );
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({
      username: 'admin',
      target: `printer:${configured.printer.id}`,
      details: { name: 'Máy in sảnh', ok: true, state: 'online' },
    });
  });

  test('a printer out of paper answers 503 print_failed naming the fault, stored and audited', async () => {
    // Arrange
    configured.device.setMode('paper-end');

    // Act
    const response = await testPrint(configured.printer.id);

    // Assert
    const error = errorOf(response, 503);
    expect(error.code).toBe('print_failed');
    expect(error).toMatchObject({
      printer: {
        code: 'paper_end',
        state: 'paper_end',
        message: expect.stringMatching(/^paper_end: /),
      },
    });
    const printers = expectStatus(await configured.admin.get<PrinterView[]>('/api/printers'), 200);
    expect(printers.find((p) => p.id === configured.printer.id)?.status?.state).toBe('paper_end');
    const page = expectStatus(
      await configured.admin.get<AuditPage>('/api/audit?action=printer.test'),
      200,
    );
    expect(page.entries[0]?.details).toMatchObject({ ok: false, state: 'paper_end' });
  });

  test.each([
    ['a printer that does not exist', 999],
    ['a path that is no id', 'abc'],
  ])('answers 404 printer_not_found for %s', async (_what, id) => {
    // Act
    const response = await testPrint(id);

    // Assert
    expect(errorOf(response, 404).code).toBe('printer_not_found');
  });

  test('a removed printer is not found', async () => {
    // Arrange
    const id = configured.printer.id;
    expectStatus(await configured.admin.request('DELETE', `/api/printers/${id}`), 204);

    // Act
    const response = await testPrint(id);

    // Assert
    expect(errorOf(response, 404).code).toBe('printer_not_found');
  });

  test('takes its turn between tickets: no job is cut into, and every ticket still prints', async () => {
    // Arrange
    const visitor = new ApiClient(server.url);

    // Act: tickets and test pages asked for at once, on one printer connection.
    const [, , tests] = await Promise.all([
      visitor.issue(SERVICE.DKKD),
      visitor.issue(SERVICE.DKKD),
      Promise.all([testPrint(configured.printer.id), testPrint(configured.printer.id)]),
      visitor.issue(SERVICE.DKKD),
    ]);
    await eventually(
      async () => {
        const jobs = expectStatus(await configured.admin.get<PrintJob[]>('/api/print-jobs'), 200);
        return jobs.length === 3 && jobs.every((job) => job.status === 'done');
      },
      { what: 'the three tickets to print' },
    );

    // Assert
    expect(tests.map((response) => response.status)).toEqual([202, 202]);
    const pieces = configured.device
      .received()
      .toString('latin1')
      .split(CUT)
      .filter((piece) => piece.includes('SO THU TU') || piece.includes('In thu'));
    expect(pieces).toHaveLength(5);
    for (const piece of pieces) {
      expect(piece.includes('SO THU TU') && piece.includes('In thu')).toBe(false);
    }
  });
});
