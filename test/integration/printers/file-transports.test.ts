import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Printer } from '../../../printers/printer';
import { DeviceFileTransport } from '../../../printers/transport/device-file';
import { SpoolTransport } from '../../../printers/transport/spool';
import { useTempDir } from '../../support/temp-dir';

describe('file transports', () => {
  const dir = useTempDir('luot-printers-');

  test('a device file receives each job, with no status asked', async () => {
    const path = join(dir.path, 'lp0');
    await writeFile(path, '');
    const printer = new Printer(new DeviceFileTransport({ path }));

    await printer.print(Buffer.from('one'));
    const result = await printer.print(Buffer.from('two'));

    expect(await readFile(path, 'latin1')).toBe('two');
    expect(result.before).toEqual({ answered: false, reason: 'no-back-channel' });
    expect(result.warnings).toEqual([]);
  });

  test('a device that is a FIFO gets the whole job', async () => {
    const path = join(dir.path, 'fifo');
    execFileSync('mkfifo', [path]);
    const chunks: Buffer[] = [];
    const reader = createReadStream(path);
    reader.on('data', (c) => chunks.push(c as Buffer));
    const closed = new Promise((resolve) => reader.on('close', () => resolve(undefined)));

    await new DeviceFileTransport({ path, writeTimeoutMs: 2000 }).write(Buffer.alloc(100_000, 7));
    await closed;

    expect(Buffer.concat(chunks).equals(Buffer.alloc(100_000, 7))).toBe(true);
  });

  test('a missing device is an io_error the queue may retry', async () => {
    const transport = new DeviceFileTransport({ path: join(dir.path, 'no', 'such', 'lp0') });

    await expect(transport.write(Buffer.of(1))).rejects.toMatchObject({
      code: 'io_error',
      transient: true,
    });
  });

  test('the spool writes one .bin file per job, named after the job', async () => {
    const spool = new SpoolTransport(join(dir.path, 'spool'));

    await spool.write(Buffer.of(1, 2, 3), { name: 'ticket-42/a' });

    expect(await readdir(join(dir.path, 'spool'))).toEqual(['ticket-42_a.bin']);
    expect([...(await readFile(join(dir.path, 'spool', 'ticket-42_a.bin')))]).toEqual([1, 2, 3]);
  });
});
