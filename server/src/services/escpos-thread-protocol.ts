import {
  PrinterError,
  type EscPosOptions,
  type PrinterErrorCode,
  type TicketLayout,
} from '../../../printers';

/** Main thread → ESC/POS thread: one layout to encode. */
export interface EncodeRequest {
  id: number;
  layout: TicketLayout;
  options: Partial<EscPosOptions>;
}

/** An error as it crosses the thread boundary (a class does not survive the copy). */
export interface ErrorMessage {
  message: string;
  /** Set for a `PrinterError`, so the print queue still tells permanent from transient. */
  printerCode?: PrinterErrorCode;
}

/** ESC/POS thread → main thread. */
export type EncodeReply =
  | { kind: 'encoded'; id: number; bytes: Uint8Array }
  | { kind: 'failed'; id: number; error: ErrorMessage }
  /** The thread cannot encode anything (its fonts did not load). */
  | { kind: 'broken'; error: ErrorMessage };

/** Flattens an error for `postMessage`. */
export function errorToMessage(error: unknown): ErrorMessage {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof PrinterError ? { message, printerCode: error.code } : { message };
}

/** Rebuilds the error on the main thread: a `PrinterError` again when it was one. */
export function messageToError(error: ErrorMessage): Error {
  return error.printerCode
    ? new PrinterError(error.printerCode, error.message)
    : new Error(error.message);
}
