import { isAllowedDevice, isInsideFolder } from '../../../../printers/transport/target-rules';

describe('isAllowedDevice()', () => {
  test.each([
    '/dev/usb/lp0',
    '/dev/usb/lp12',
    '/dev/lp0',
    '/dev/ttyS0',
    '/dev/ttyUSB1',
    '/dev/ttyACM0',
    '/dev/ttyAMA0',
    '/dev/rfcomm0',
    '/dev/null',
  ])('lets a file: target write to %s', (device) => {
    expect(isAllowedDevice(device, 'file')).toBe(true);
  });

  test.each([
    '/dev/kmsg',
    '/dev/tty',
    '/dev/tty0',
    '/dev/tty12',
    '/dev/full',
    '/dev/zero',
    '/dev/watchdog',
    '/dev/input/event0',
    '/dev/console',
    '/dev/ttyUSB',
    '/dev/ttyUSB0x',
    '/dev/usb/lp0/../../kmsg',
    'dev/usb/lp0',
    '/tmp/dev/usb/lp0',
  ])('refuses a file: target at %s', (device) => {
    expect(isAllowedDevice(device, 'file')).toBe(false);
  });

  test.each(['/dev/ttyS0', '/dev/ttyUSB0', '/dev/ttyACM3', '/dev/ttyAMA0', '/dev/rfcomm1'])(
    'lets a serial: target open %s',
    (device) => {
      expect(isAllowedDevice(device, 'serial')).toBe(true);
    },
  );

  test.each(['/dev/null', '/dev/usb/lp0', '/dev/lp0', '/dev/tty', '/dev/tty0'])(
    'refuses a serial: target at %s',
    (device) => {
      expect(isAllowedDevice(device, 'serial')).toBe(false);
    },
  );
});

describe('isInsideFolder()', () => {
  test.each(['/data/spool', '/data/spool/tickets', '/data/..spool'])(
    'finds %s inside /data',
    (folder) => {
      expect(isInsideFolder('/data', folder)).toBe(true);
    },
  );

  test.each(['/data', '/data/../etc', '/etc', '/', '/database'])(
    'finds %s not inside /data',
    (folder) => {
      expect(isInsideFolder('/data', folder)).toBe(false);
    },
  );
});
