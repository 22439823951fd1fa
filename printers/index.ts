/**
 * The printers library: ticket layout → renderers/encoders → transports with status.
 * The server builds a layout with `buildTicketLayout`, turns it into bytes with
 * `encodeTicket` (or a PDF/PNG for the browser) and sends it through a `Printer`.
 */
export { PrinterError, isPrinterError, type PrinterErrorCode } from './errors';
export { nfc, toAscii } from './text';
export {
  buildTicketLayout,
  formatIssuedAt,
  type TicketLayout,
  type LayoutBlock,
  type TicketPrintData,
  type CentrePrintSettings,
} from './layout/ticket-layout';
export { SAMPLE_CENTRE, SAMPLE_TICKET } from './layout/sample';
export { buildTestPageLayout, TEST_PAGE_DIACRITICS, type TestPageData } from './layout/test-page';
export { encodeTicket } from './escpos/encode-ticket';
export {
  escPosOptions,
  EPSON_CODE_TABLES,
  type EscPosOptions,
  type PrintMode,
} from './escpos/options';
export { loadFonts, defaultFontFiles, type FontFiles } from './render/fonts';
export { renderPng } from './render/png';
export { renderPdf, type PdfOptions } from './render/pdf';
export { renderRaster } from './render/raster-render';
export { queryStatus, parseStatus, type PrinterStatus } from './status';
export { Printer, type PrinterOptions, type PrintResult, type PrinterWarning } from './printer';
export { openTransport, type TransportTimeouts } from './transport/open-transport';
export type { Transport, JobInfo } from './transport/transport';
export { TcpTransport } from './transport/tcp';
export { DeviceFileTransport } from './transport/device-file';
export { SerialTransport } from './transport/serial';
export { SpoolTransport } from './transport/spool';
