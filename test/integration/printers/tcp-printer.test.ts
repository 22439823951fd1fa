import { PrinterError } from '../../../printers/errors';
import { Printer } from '../../../printers/printer';
import { TcpTransport } from '../../../printers/transport/tcp';
import { eventually } from '../../support/eventually';
import { closedPort, startFakePrinter, type FakePrinter } from '../../support/fake-printer';

const JOB = Buffer.concat([Buffer.of(0x1b, 0x40), Buffer.alloc(200_000, 0x55)]);
const fast = { connectTimeoutMs: 500, writeTimeoutMs: 1000 };

/**
 * A printer client for the fake. Printers that answer get a status wait no loaded CI
 * machine runs past (a 200 KB job and its status reply, with other suites running, once
 * took over 100 ms); the silent printer's test passes a short one.
 */
function printerFor(fake: { port: number }, statusTimeoutMs = 2000): Printer {
  return new Printer(new TcpTransport({ host: '127.0.0.1', port: fake.port, ...fast }), {
    statusTimeoutMs,
  });
}

async function failure(promise: Promise<unknown>): Promise<PrinterError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof PrinterError) return err;
    throw err;
  }
  throw new Error('expected a PrinterError');
}

describe('Printer over TCP', () => {
  let fake: FakePrinter | null = null;
  let printer: Printer | null = null;

  afterEach(async () => {
    await printer?.close();
    await fake?.close();
    printer = fake = null;
  });

  test('prints a job and reports the printer online with paper', async () => {
    fake = await startFakePrinter('ok');
    printer = printerFor(fake);

    const result = await printer.print(JOB);

    expect(fake.received().equals(JOB)).toBe(true);
    expect(result.after).toEqual({
      answered: true,
      online: true,
      coverOpen: false,
      paperNearEnd: false,
      paperEnd: false,
    });
    expect(result.warnings).toEqual([]);
  });

  test('warns when the paper is nearly out but still prints', async () => {
    fake = await startFakePrinter('paper-near-end');
    printer = printerFor(fake);

    const result = await printer.print(JOB);

    expect(result.warnings).toEqual(['paper_near_end']);
  });

  test.each([
    ['paper-end', 'paper_end'],
    ['cover-open', 'cover_open'],
  ] as const)(
    'refuses the job when the printer reports %s, as a transient error',
    async (mode, code) => {
      fake = await startFakePrinter(mode);
      printer = printerFor(fake);

      const err = await failure(printer.print(JOB));

      expect(err.code).toBe(code);
      expect(err.transient).toBe(true);
      expect(fake.received().length).toBe(0);
    },
  );

  test('prints anyway when the printer never answers status, and says the status is unknown', async () => {
    fake = await startFakePrinter('silent');
    printer = printerFor(fake, 100);

    const result = await printer.print(JOB);

    expect(result.before).toEqual({ answered: false, reason: 'timeout' });
    expect(result.warnings).toEqual(['status_unknown']);
    await eventually(() => fake?.received().length === JOB.length, { what: 'the whole job' });
  });

  test('reports connect_refused quickly when nothing listens', async () => {
    printer = printerFor({ port: await closedPort() });

    const err = await failure(printer.print(JOB));

    expect(err.code).toBe('connect_refused');
    expect(err.transient).toBe(true);
  });

  test('reports connection_lost when the printer drops mid-job, then reconnects for the next', async () => {
    fake = await startFakePrinter('drop', 1000);
    printer = printerFor(fake);

    const err = await failure(printer.print(JOB));
    fake.setMode('ok');
    const result = await printer.print(Buffer.of(0x1b, 0x40));

    expect(err.code).toBe('connection_lost');
    expect(result.after.answered).toBe(true);
    expect(fake.connections()).toBe(2);
  });

  test('gives up with write_timeout when the printer stops reading', async () => {
    fake = await startFakePrinter('stall');
    printer = printerFor(fake);

    const err = await failure(printer.print(Buffer.alloc(64 * 1024 * 1024)));

    expect(err.code).toBe('write_timeout');
  });

  test('runs jobs one at a time, in order', async () => {
    fake = await startFakePrinter('ok');
    printer = printerFor(fake);
    const jobs = [0x41, 0x42, 0x43].map((b) => Buffer.alloc(50_000, b));

    await Promise.all(jobs.map((job) => printer?.print(job)));

    expect(fake.received().equals(Buffer.concat(jobs))).toBe(true);
  });

  test('reads the status on its own', async () => {
    fake = await startFakePrinter('cover-open');
    printer = printerFor(fake);

    const status = await printer.status();

    expect(status).toMatchObject({ answered: true, online: false, coverOpen: true });
  });
});
