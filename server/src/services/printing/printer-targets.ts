import fs from 'node:fs';
import path from 'node:path';
import { deviceProblem, isInsideFolder } from '../../../../printers/transport/target-rules';

/**
 * Why the server must not write to a printer target, or null when it may. Admins may name
 * a printer device or serial port (`file:` / `serial:`, a character device whose real path
 * is a printer or serial device such as /dev/usb/lp0 or /dev/ttyUSB0, or `file:/dev/null`,
 * which prints nowhere), a network printer (`tcp://`), a kiosk's print agent
 * (`agent`) or a spool folder inside `spoolRoot` (the data folder; null refuses every
 * spool folder). Anything else would let an admin account, or whoever holds its session,
 * overwrite any file the server can write, or send bytes to the kernel log or a terminal.
 * Checked when a printer is saved and again
 * before each job, since the path may have changed in between.
 */
export function printerTargetProblem(target: string, spoolRoot: string | null): string | null {
  const colon = target.indexOf(':');
  const scheme = colon < 0 ? target : target.slice(0, colon);
  const rest = colon < 0 ? '' : target.slice(colon + 1);
  switch (scheme) {
    case 'agent':
    case 'tcp':
      return null;
    case 'file':
      return deviceProblem(rest, 'file');
    case 'serial':
      return deviceProblem(rest.split('?')[0] ?? '', 'serial');
    case 'spool':
      return spoolProblem(rest, spoolRoot);
    default:
      return `unknown printer target ${target}`;
  }
}

function spoolProblem(folder: string, spoolRoot: string | null): string | null {
  if (spoolRoot === null) return 'spool folders are not allowed here';
  if (!path.isAbsolute(folder)) return `${folder} is not an absolute path`;
  let root: string;
  let real: string;
  try {
    root = fs.realpathSync(spoolRoot);
    real = realPathOf(folder);
  } catch (error) {
    return `${folder}: ${(error as Error).message}`;
  }
  return isInsideFolder(root, real)
    ? null
    : `${folder} is not a folder inside the data folder ${spoolRoot}`;
}

/**
 * Where a folder really is, links resolved, though it may not exist yet (the spool
 * creates it): the real path of its nearest existing ancestor plus the missing rest.
 */
function realPathOf(folder: string): string {
  const missing: string[] = [];
  let probe = path.resolve(folder);
  // lstat, not exists: a dangling link is there, and realpath then refuses it.
  while (!fs.lstatSync(probe, { throwIfNoEntry: false })) {
    const parent = path.dirname(probe);
    if (parent === probe) break;
    missing.unshift(path.basename(probe));
    probe = parent;
  }
  return path.join(fs.realpathSync(probe), ...missing);
}
