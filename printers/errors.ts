/** Why a print, a status query or a render failed. */
export type PrinterErrorCode =
  | 'font_missing'
  | 'invalid_target'
  | 'invalid_option'
  | 'connect_refused'
  | 'connect_timeout'
  | 'write_timeout'
  | 'connection_lost'
  | 'io_error'
  | 'offline'
  | 'cover_open'
  | 'paper_end';

const TRANSIENT: ReadonlySet<PrinterErrorCode> = new Set<PrinterErrorCode>([
  'connect_refused',
  'connect_timeout',
  'write_timeout',
  'connection_lost',
  'io_error',
  'offline',
  'cover_open',
  'paper_end',
]);

/**
 * A typed printing failure. `transient` tells a print queue whether retrying the job later
 * can succeed (printer unreachable, paper out) or not (bad configuration, missing font).
 */
export class PrinterError extends Error {
  override readonly name = 'PrinterError';
  readonly transient: boolean;

  constructor(
    readonly code: PrinterErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.transient = TRANSIENT.has(code);
  }
}

/** True when `err` is a PrinterError, optionally of the given code. */
export function isPrinterError(err: unknown, code?: PrinterErrorCode): err is PrinterError {
  return err instanceof PrinterError && (code === undefined || err.code === code);
}
