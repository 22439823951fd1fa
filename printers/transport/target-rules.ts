import fs from 'node:fs';
import path from 'node:path';

/** What a device target names: `file:` (a printer or serial device) or `serial:` (a port). */
export type DeviceKind = 'file' | 'serial';

// Real paths (links resolved), so /dev/serial/by-id/… names pass as the port they lead to.
const DEVICES: Record<DeviceKind, RegExp> = {
  file: /^\/dev\/(usb\/lp\d+|lp\d+|tty(S|USB|ACM|AMA)\d+|rfcomm\d+)$/,
  serial: /^\/dev\/(tty(S|USB|ACM|AMA)\d+|rfcomm\d+)$/,
};

/** Prints nowhere: a `file:` printer for tests, or for a desk that must not print. */
export const NULL_DEVICE = '/dev/null';

/** The devices a server writes to, as an admin reads it in a refusal. */
export const ALLOWED_DEVICES: Record<DeviceKind, string> = {
  file:
    'a printer or serial device: /dev/usb/lpN, /dev/lpN, /dev/ttySN, /dev/ttyUSBN, ' +
    '/dev/ttyACMN, /dev/ttyAMAN or /dev/rfcommN (or a link to one), or /dev/null to print nowhere',
  serial:
    'a serial port: /dev/ttySN, /dev/ttyUSBN, /dev/ttyACMN, /dev/ttyAMAN or /dev/rfcommN ' +
    '(or a link to one)',
};

/**
 * Whether a server may write to the device at `realPath` (links already resolved): printer
 * and serial devices only. Any other character device would let an admin send ticket bytes
 * to the kernel log, a terminal or a console (escape sequences), a watchdog or an input
 * device.
 */
export function isAllowedDevice(realPath: string, kind: DeviceKind): boolean {
  return DEVICES[kind].test(realPath) || (kind === 'file' && realPath === NULL_DEVICE);
}

/**
 * Why a server must not write to the device target `file`, or null when it may: its real
 * path must be an allowed device (`isAllowedDevice`) and a character device.
 */
export function deviceProblem(file: string, kind: DeviceKind): string | null {
  let real: string;
  let stats: fs.Stats;
  try {
    real = fs.realpathSync(file);
    stats = fs.statSync(real);
  } catch {
    return `${file} does not exist (is the printer plugged in?)`;
  }
  if (!isAllowedDevice(real, kind) || !stats.isCharacterDevice()) {
    return `${file} is not ${ALLOWED_DEVICES[kind]}`;
  }
  return null;
}

/** Whether `real` lies inside the folder `root`, not the folder itself (both real paths). */
export function isInsideFolder(root: string, real: string): boolean {
  const inside = path.relative(root, real);
  return inside !== '' && inside.split(path.sep)[0] !== '..' && !path.isAbsolute(inside);
}
