import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { runCli } from '../../../printers/cli';
import { SAMPLE_TICKET } from '../../../printers/layout/sample';
import { PNG } from 'pngjs';
import { bitmapFromRgba, bitmapToRgba } from '../../../printers/render/bitmap';
import { decodeEscPos, diffDots } from '../../support/printers/escpos-decoder';
import { closedPort, startFakePrinter } from '../../support/fake-printer';
import { useTempDir } from '../../support/temp-dir';

async function run(argv: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runCli(argv, (l) => lines.push(l));
  return { code, output: lines.join('\n') };
}

describe('printer CLI', () => {
  const dir = useTempDir('luot-cli-');

  test('sample --to tcp:// sends the golden ticket image and the tracking QR', async () => {
    const fake = await startFakePrinter('ok');
    try {
      const { code, output } = await run([
        'sample',
        '--to',
        `tcp://127.0.0.1:${fake.port}`,
        '--width',
        '384',
        '--english',
      ]);

      const decoded = decodeEscPos(fake.received(), 384);
      const qr = jsQR(bitmapToRgba(decoded.image), decoded.image.width, decoded.image.height);
      const golden = PNG.sync.read(
        await readFile(join(__dirname, '../../unit/printers/golden/sample-raster-384.png')),
      );
      expect(code).toBe(0);
      expect(output).toMatch(/^printed \d+ bytes to tcp:/);
      expect(qr?.data).toBe(SAMPLE_TICKET.trackingUrl);
      // The image a person checked, but for the odd dot guarding against real-time commands.
      expect(
        diffDots(decoded.image, bitmapFromRgba(golden.data, golden.width, golden.height)),
      ).toBeLessThanOrEqual(3);
    } finally {
      await fake.close();
    }
  });

  test('sample --to file: writes the bytes of the chosen mode', async () => {
    const out = join(dir.path, 'out.bin');

    const { code } = await run(['sample', '--to', `file:${out}`, '--mode', 'ascii']);

    const { lines } = decodeEscPos(await readFile(out), 576);
    expect(code).toBe(0);
    expect(lines.map((l) => Buffer.from(l).toString('latin1'))).toContain('Dang ky kinh doanh');
  });

  test('status prints the state and exits 1 when the paper is out', async () => {
    const fake = await startFakePrinter('paper-end');
    try {
      const { code, output } = await run([
        'status',
        '--to',
        `tcp://127.0.0.1:${fake.port}`,
        '--timeout',
        '200',
      ]);

      expect(code).toBe(1);
      expect(JSON.parse(output)).toMatchObject({ answered: true, paperEnd: true });
    } finally {
      await fake.close();
    }
  });

  test('exits 1 with the error code when the printer refuses the connection', async () => {
    const { code, output } = await run(['sample', '--to', `tcp://127.0.0.1:${await closedPort()}`]);

    expect(code).toBe(1);
    expect(output).toMatch(/^error \[connect_refused\]/);
  });

  test.each([
    [['sample']],
    [['sample', '--to', 'lp0']],
    [['print', '--to', 'file:x']],
    [['sample', '--to', 'file:x', '--mode', 'pdf']],
  ])('exits 2 on bad usage %j', async (argv) => {
    expect((await run(argv)).code).toBe(2);
  });

  test('runs from npm through tsx and returns the exit code to the shell', async () => {
    const out = join(dir.path, 'sample.bin');

    const code = await new Promise<number>((resolve) => {
      execFile('npx', ['tsx', 'printers/cli.ts', 'sample', '--to', `file:${out}`], (err) =>
        resolve(err ? Number(err.code ?? 1) : 0),
      );
    });

    expect(code).toBe(0);
    expect((await readFile(out)).subarray(0, 2)).toEqual(Buffer.of(0x1b, 0x40));
  });
});
