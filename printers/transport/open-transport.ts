import { PrinterError } from '../errors';
import { DeviceFileTransport } from './device-file';
import { SerialTransport } from './serial';
import { SpoolTransport } from './spool';
import { TcpTransport } from './tcp';
import type { Transport } from './transport';

/** Timeouts applied to whichever transport a target names. */
export interface TransportTimeouts {
  connectTimeoutMs?: number;
  writeTimeoutMs?: number;
}

/**
 * What a server allows beyond what the installer's CLI does: `file:` and `serial:` only to
 * printer and serial devices (`isAllowedDevice`), `spool:` only inside `spoolRoot`.
 * Without it any file or folder is written.
 */
export interface TransportPolicy {
  deviceOnly?: boolean;
  spoolRoot?: string;
}

/**
 * Opens a transport from a target string: `tcp://HOST[:PORT]` (port 9100 by default),
 * `file:PATH` (a device such as /dev/usb/lp0, or a file), `serial:PATH[?baud=N]`,
 * `spool:FOLDER`.
 */
export function openTransport(
  target: string,
  timeouts: TransportTimeouts = {},
  policy: TransportPolicy = {},
): Transport {
  const [scheme, ...restParts] = target.split(':');
  const rest = restParts.join(':');
  switch (scheme) {
    case 'tcp': {
      const url = parseUrl(target);
      const port = url.port === '' ? 9100 : Number(url.port);
      if (url.hostname === '') throw invalid(target, 'no host');
      return new TcpTransport({ host: url.hostname.replace(/^\[|\]$/g, ''), port, ...timeouts });
    }
    case 'file':
      if (rest === '') throw invalid(target, 'no path');
      return new DeviceFileTransport({
        path: rest,
        ...timeouts,
        ...(policy.deviceOnly && { deviceOnly: true }),
      });
    case 'serial': {
      const [path = '', query = ''] = rest.split('?');
      const baud = new URLSearchParams(query).get('baud');
      const baudRate = baud === null ? 9600 : Number(baud);
      if (path === '' || !Number.isInteger(baudRate) || baudRate <= 0)
        throw invalid(target, 'bad path or baud');
      return new SerialTransport({
        path,
        baudRate,
        ...timeouts,
        ...(policy.deviceOnly && { deviceOnly: true }),
      });
    }
    case 'spool':
      if (rest === '') throw invalid(target, 'no folder');
      return new SpoolTransport(rest, policy.spoolRoot);
    default:
      throw invalid(target, 'use tcp://, file:, serial: or spool:');
  }
}

function parseUrl(target: string): URL {
  try {
    return new URL(target);
  } catch (err) {
    throw new PrinterError('invalid_target', `bad printer target ${target}`, { cause: err });
  }
}

function invalid(target: string, why: string): PrinterError {
  return new PrinterError('invalid_target', `bad printer target ${target}: ${why}`);
}
