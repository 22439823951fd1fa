import { isPrinterError } from '../../../../printers/errors';
import { openTransport } from '../../../../printers/transport/open-transport';

describe('openTransport()', () => {
  test.each([
    ['tcp://192.0.2.7', 'tcp://192.0.2.7:9100'],
    ['tcp://printer.local:9101', 'tcp://printer.local:9101'],
    ['file:/dev/usb/lp0', 'file:/dev/usb/lp0'],
    ['file:out.bin', 'file:out.bin'],
    ['serial:/dev/ttyUSB0?baud=19200', 'serial:/dev/ttyUSB0?baud=19200'],
    ['serial:/dev/ttyS0', 'serial:/dev/ttyS0?baud=9600'],
    ['spool:/var/spool/luot', 'spool:/var/spool/luot'],
  ])('reads %s as %s', (target, expected) => {
    expect(openTransport(target).target).toBe(expected);
  });

  test.each(['lp0', 'usb:/dev/usb/lp0', 'tcp://', 'file:', 'serial:/dev/ttyS0?baud=fast'])(
    'rejects %s as invalid_target',
    (target) => {
      let caught: unknown;
      try {
        openTransport(target);
      } catch (err) {
        caught = err;
      }
      expect(isPrinterError(caught, 'invalid_target')).toBe(true);
    },
  );
});
