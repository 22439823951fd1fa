import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildTicketLayout,
  encodeTicket,
  isPrinterError,
  PrinterError,
  renderPng,
  SAMPLE_CENTRE,
  SAMPLE_TICKET,
  type TicketLayout,
} from '../../../printers';
import { EscPosThread } from '../../../server/src/services/printing/escpos-thread';
import {
  errorToMessage,
  messageToError,
} from '../../../server/src/services/printing/escpos-thread-protocol';

jest.setTimeout(20_000);

/**
 * The ESC/POS encoding thread, run from the TypeScript sources as Jest runs them. Broken
 * threads are stand-in scripts in a temporary folder.
 */
describe('EscPosThread', () => {
  const layout = buildTicketLayout(SAMPLE_TICKET, SAMPLE_CENTRE);
  const threads: EscPosThread[] = [];
  let scripts: string;

  beforeAll(() => {
    scripts = fs.mkdtempSync(path.join(os.tmpdir(), 'luot-escpos-thread-'));
  });

  afterEach(async () => {
    await Promise.all(threads.splice(0).map((thread) => thread.close()));
  });

  afterAll(() => fs.rmSync(scripts, { recursive: true, force: true }));

  function start(options: ConstructorParameters<typeof EscPosThread>[0] = {}) {
    const fallbacks: string[] = [];
    const thread = new EscPosThread({ onFallback: (reason) => fallbacks.push(reason), ...options });
    threads.push(thread);
    return { thread, fallbacks };
  }

  /** A stand-in thread script. */
  function script(name: string, body: string): string {
    const file = path.join(scripts, name);
    fs.writeFileSync(file, `const { parentPort } = require('node:worker_threads');\n${body}\n`);
    return file;
  }

  const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

  test('encodes in the thread exactly the bytes encodeTicket makes inline', async () => {
    const { thread, fallbacks } = start();
    for (const options of [{}, { width: 384 }, { mode: 'codepage' as const }]) {
      const bytes = await thread.encode(layout, options);
      expect(same(bytes, encodeTicket(layout, options))).toBe(true);
    }
    expect(thread.running).toBe(true);
    expect(fallbacks).toEqual([]);
  });

  test('several layouts at once each get their own bytes', async () => {
    const { thread } = start();
    const wide = { width: 576 };
    const narrow = { width: 384 };
    const [a, b, c] = await Promise.all([
      thread.encode(layout, wide),
      thread.encode(layout, narrow),
      thread.encode(layout, wide),
    ]);
    expect(same(a!, encodeTicket(layout, wide))).toBe(true);
    expect(same(b!, encodeTicket(layout, narrow))).toBe(true);
    expect(same(c!, a!)).toBe(true);
  });

  test('an encoding error in the thread rejects the layout, and the thread carries on', async () => {
    const { thread, fallbacks } = start();
    const broken = { blocks: [{ kind: 'no-such-block' }] } as unknown as TicketLayout;
    await expect(thread.encode(broken, {})).rejects.toThrow(Error);
    expect(same(await thread.encode(layout, {}), encodeTicket(layout, {}))).toBe(true);
    expect(fallbacks).toEqual([]);
  });

  test('a PrinterError crosses the thread boundary as a PrinterError of the same code', () => {
    const error = messageToError(errorToMessage(new PrinterError('font_missing', 'no font')));
    expect(isPrinterError(error, 'font_missing')).toBe(true);
    expect((error as PrinterError).transient).toBe(false);
    expect(isPrinterError(messageToError(errorToMessage(new Error('x'))))).toBe(false);
  });

  test('a thread that cannot start: the layout is encoded inline, and it is said', async () => {
    const { thread, fallbacks } = start({ entry: path.join(scripts, 'missing.js') });
    const bytes = await thread.encode(layout, {});
    expect(same(bytes, encodeTicket(layout, {}))).toBe(true);
    expect(fallbacks).toHaveLength(1);
    expect(thread.running).toBe(false);
  });

  test('draws the browser PNG and PDF in the thread, the PNG exactly as inline', async () => {
    const { thread, fallbacks } = start();

    const png = await thread.render('png', layout);
    const pdf = await thread.render('pdf', layout);

    expect(same(png, renderPng(layout, { width: 576 }))).toBe(true);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(thread.running).toBe(true);
    expect(fallbacks).toEqual([]);
  });

  test('a PNG or PDF whose thread cannot start is drawn inline', async () => {
    const { thread, fallbacks } = start({ entry: path.join(scripts, 'missing.js') });

    const png = await thread.render('png', layout);
    const pdf = await thread.render('pdf', layout);

    expect(same(png, renderPng(layout, { width: 576 }))).toBe(true);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fallbacks.length).toBeGreaterThan(0);
  });

  test('a thread that stops answering: the layout is encoded inline after the timeout', async () => {
    const silent = script('silent.js', "parentPort.on('message', () => undefined);");
    const { thread, fallbacks } = start({ entry: silent, timeoutMs: 300, maxFailures: 1 });
    const started = Date.now();
    const bytes = await thread.encode(layout, {});
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(same(bytes, encodeTicket(layout, {}))).toBe(true);
    expect(fallbacks).toEqual([expect.stringContaining('no answer within 300 ms')]);

    // After `maxFailures` failures no new thread is started.
    expect(same(await thread.encode(layout, {}), bytes)).toBe(true);
    expect(thread.running).toBe(false);
    expect(fallbacks).toHaveLength(1);
  });

  test('a thread that dies mid-job: the layout is encoded inline, the next one gets a new thread', async () => {
    const dying = script('dying.js', "parentPort.on('message', () => process.exit(3));");
    const { thread, fallbacks } = start({ entry: dying });
    expect(same(await thread.encode(layout, {}), encodeTicket(layout, {}))).toBe(true);
    expect(fallbacks).toEqual([expect.stringContaining('exited with code 3')]);
    const next = thread.encode(layout, {});
    expect(thread.running).toBe(true);
    await next;
  });

  test('a thread whose fonts do not load is not started again', async () => {
    const broken = script(
      'broken.js',
      "parentPort.postMessage({ kind: 'broken', error: { message: 'font missing', printerCode: 'font_missing' } });",
    );
    const { thread, fallbacks } = start({ entry: broken });
    expect(same(await thread.encode(layout, {}), encodeTicket(layout, {}))).toBe(true);
    expect(fallbacks).toEqual([expect.stringContaining('font missing')]);
    await thread.encode(layout, {});
    expect(thread.running).toBe(false);
  });

  test('close() ends the thread; later layouts are encoded inline', async () => {
    const { thread, fallbacks } = start();
    await thread.encode(layout, {});
    await thread.close();
    expect(thread.running).toBe(false);
    expect(same(await thread.encode(layout, {}), encodeTicket(layout, {}))).toBe(true);
    expect(thread.running).toBe(false);
    expect(fallbacks).toEqual([]);
  });
});
