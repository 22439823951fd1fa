import fs from 'node:fs';
import path from 'node:path';
import { PrinterError } from '../../../../printers';
import { DeviceFileTransport } from '../../../../printers/transport/device-file';
import { SerialTransport } from '../../../../printers/transport/serial';
import { SpoolTransport } from '../../../../printers/transport/spool';
import { useTempDir } from '../../../support/temp-dir';

const JOB = Buffer.from('ticket bytes');
const ORIGINAL = 'precious data\n';

describe('transports a server restricts', () => {
  const dir = useTempDir('luot-guard-');
  let victim: string;

  beforeEach(() => {
    victim = path.join(dir.path, 'victim.txt');
    fs.writeFileSync(victim, ORIGINAL);
  });

  describe('DeviceFileTransport with deviceOnly', () => {
    test('refuses a regular file without truncating it', async () => {
      const transport = new DeviceFileTransport({ path: victim, deviceOnly: true });

      await expect(transport.write(JOB)).rejects.toMatchObject({ code: 'invalid_target' });
      expect(fs.readFileSync(victim, 'utf8')).toBe(ORIGINAL);
    });

    test('refuses a missing path without creating it', async () => {
      const missing = path.join(dir.path, 'lp0');
      const transport = new DeviceFileTransport({ path: missing, deviceOnly: true });

      await expect(transport.write(JOB)).rejects.toBeInstanceOf(PrinterError);
      expect(fs.existsSync(missing)).toBe(false);
    });

    test('writes to a character device', async () => {
      const transport = new DeviceFileTransport({ path: '/dev/null', deviceOnly: true });

      await expect(transport.write(JOB)).resolves.toBeUndefined();
    });

    test('writes through a link to an allowed device', async () => {
      const link = path.join(dir.path, 'lp0');
      fs.symlinkSync('/dev/null', link);
      const transport = new DeviceFileTransport({ path: link, deviceOnly: true });

      await expect(transport.write(JOB)).resolves.toBeUndefined();
    });

    test.each(['/dev/full', '/dev/zero'])(
      'refuses %s, a character device that is no printer, before writing',
      async (device) => {
        const link = path.join(dir.path, 'lp0');
        fs.symlinkSync(device, link);

        for (const target of [device, link]) {
          const transport = new DeviceFileTransport({ path: target, deviceOnly: true });
          await expect(transport.write(JOB)).rejects.toMatchObject({ code: 'invalid_target' });
        }
      },
    );

    test('still writes a plain file without it, as the installer CLI does', async () => {
      await new DeviceFileTransport({ path: victim }).write(JOB);

      expect(fs.readFileSync(victim)).toEqual(JOB);
    });
  });

  describe('SerialTransport with deviceOnly', () => {
    test.each([
      ['a device that is no serial port', () => '/dev/null'],
      ['a link to one', () => linkTo('/dev/zero')],
      ['a regular file', () => victim],
    ])('refuses %s without opening a port', async (_name, target) => {
      const createPort = jest.fn();
      const transport = new SerialTransport({ path: target(), deviceOnly: true, createPort });

      await expect(transport.write(JOB)).rejects.toMatchObject({ code: 'invalid_target' });
      expect(createPort).not.toHaveBeenCalled();
      expect(fs.readFileSync(victim, 'utf8')).toBe(ORIGINAL);
    });

    function linkTo(device: string): string {
      const link = path.join(dir.path, 'ttyUSB0');
      fs.symlinkSync(device, link);
      return link;
    }
  });

  describe('SpoolTransport with a root', () => {
    test('refuses a folder that is a link out of the root, writing nothing there', async () => {
      const root = path.join(dir.path, 'data');
      const outside = path.join(dir.path, 'outside');
      fs.mkdirSync(root);
      fs.mkdirSync(outside);
      fs.symlinkSync(outside, path.join(root, 'spool'));
      const transport = new SpoolTransport(path.join(root, 'spool'), root);

      await expect(transport.write(JOB, { name: 'job' })).rejects.toMatchObject({
        code: 'invalid_target',
      });
      expect(fs.readdirSync(outside)).toEqual([]);
    });

    test('replaces a planted link at the temporary name instead of writing through it', async () => {
      const root = path.join(dir.path, 'data');
      const spool = path.join(root, 'spool');
      fs.mkdirSync(spool, { recursive: true });
      fs.symlinkSync(victim, path.join(spool, 'job.bin.part'));
      const transport = new SpoolTransport(spool, root);

      await transport.write(JOB, { name: 'job' });

      expect(fs.readFileSync(victim, 'utf8')).toBe(ORIGINAL);
      expect(fs.readFileSync(path.join(spool, 'job.bin'))).toEqual(JOB);
    });
  });
});
