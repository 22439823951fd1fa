import {
  encodeTicket,
  PrinterError,
  renderPdf,
  renderPng,
  type EscPosOptions,
  type PrinterErrorCode,
  type TicketLayout,
} from '../../../../printers';

/** What a layout becomes: a printer's ESC/POS job, or a PNG or PDF for the browser. */
export type RenderKind = 'escpos' | 'png' | 'pdf';

/** Main thread → ESC/POS thread: one layout to encode. */
export interface EncodeRequest {
  id: number;
  kind: RenderKind;
  layout: TicketLayout;
  /** The printer's options (`escpos`); the PNG uses `width` (576 dots when unset). */
  options: Partial<EscPosOptions>;
}

/** The 80 mm raster width a browser's PNG is drawn at unless the request says otherwise. */
export const PNG_WIDTH = 576;

/**
 * Renders one request where it is called: in the thread, or on the main thread when the
 * thread is not there. The same code both ways, so a fallback gives the same bytes.
 */
export function renderRequest(request: EncodeRequest): Uint8Array | Promise<Uint8Array> {
  switch (request.kind) {
    case 'escpos':
      return encodeTicket(request.layout, request.options);
    case 'png':
      return renderPng(request.layout, { width: request.options.width ?? PNG_WIDTH });
    case 'pdf':
      return renderPdf(request.layout);
  }
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
