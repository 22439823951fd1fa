import { z } from 'zod';

/** What a printer last said about itself, as kiosks and supervisors see it. */
export const PRINTER_STATES = [
  'online',
  'paper_near_end',
  'paper_end',
  'cover_open',
  'offline',
  'unreachable',
  'unknown',
] as const;
export type PrinterState = (typeof PRINTER_STATES)[number];

/** Where a print job is. */
export const PRINT_JOB_STATUSES = ['queued', 'printing', 'done', 'failed', 'cancelled'] as const;
export type PrintJobStatus = (typeof PRINT_JOB_STATUSES)[number];

/**
 * A printer's state at one instant as every screen may see it (kiosks warn before issuing,
 * hall screens, anonymous sockets): the state code, never why.
 */
export interface PublicPrinterStatus {
  printerId: number;
  /** The printer's name as the admin gave it. */
  name: string;
  /** The paired kiosk the printer belongs to, if any. */
  deviceId: number | null;
  /** Prints for kiosks without a printer of their own. */
  isDefault: boolean;
  state: PrinterState;
  /** When the state was last seen, ISO 8601 UTC; null when the printer never reported. */
  at: string | null;
}

/** A printer's state as staff see it: the public fields and why. */
export interface StaffPrinterStatus extends PublicPrinterStatus {
  /**
   * Why, in English, for logs and supervisors (e.g. "connect_refused: tcp://10.0.0.5:9100
   * …"): it names addresses and devices on the centre's network, so it is staff's alone.
   */
  detail: string | null;
}

/**
 * What a screen receives as the `printer:status` payload and, with the same shape, one
 * entry of `StateSnapshot.printers`, so a screen merges the two by `printerId`: the staff
 * form (with `detail`) on signed-in staff's sockets, the public form everywhere else.
 */
export type PrinterStatusReport = PublicPrinterStatus & Partial<Pick<StaffPrinterStatus, 'detail'>>;

/**
 * `printer:removed`: an admin deleted or deactivated a printer, so it leaves
 * `StateSnapshot.printers`; a screen drops the entry with this id.
 */
export interface PrinterRemoved {
  printerId: number;
}

/** The ESC/POS options an admin may set per printer (printers/escpos/options.ts). */
export interface PrinterOptionsInput {
  width?: number;
  mode?: 'raster' | 'codepage' | 'ascii';
  qr?: 'native' | 'image';
  charset?: 'tcvn3' | 'cp1258';
  codeTable?: number;
}

/** A configured ticket printer. */
export interface PrinterView {
  id: number;
  name: string;
  /** `tcp://HOST[:PORT]`, `file:PATH`, `serial:PATH[?baud=N]`, `spool:FOLDER` or `agent`. */
  target: string;
  options: PrinterOptionsInput;
  deviceId: number | null;
  isDefault: boolean;
  active: boolean;
  status: StaffPrinterStatus | null;
}

/** One ticket to print on one printer. */
export interface PrintJob {
  id: number;
  ticketId: number;
  /** The ticket's number (A012). */
  ticketNumber: string;
  printerId: number;
  status: PrintJobStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  /** When a queued job is tried next. */
  nextAttemptAt: string | null;
}

/**
 * What a print agent declares in its Socket.IO handshake, beside its kiosk's device token:
 * `auth: { deviceToken, role: 'print-agent' }`. Only such sockets receive `print:job` and
 * may answer `print-job:result`; the kiosk's own page connects with the token alone.
 */
export const PRINT_AGENT_ROLE = 'print-agent';

/** The handshake `auth` of a print agent. */
export interface PrintAgentAuth {
  deviceToken: string;
  role: typeof PRINT_AGENT_ROLE;
}

/**
 * `POST /api/printers/:id/test`: a test page the printer took. A test page is no ticket,
 * so it is not in the print queue's jobs; it printed in the printer's turn between them.
 */
export interface TestPrintJob {
  kind: 'test';
  printerId: number;
  status: 'done';
  /** The printer's state after printing (e.g. `paper_near_end`). */
  state: PrinterState;
  /** What the printer said besides its state (e.g. no status reply), or null. */
  detail: string | null;
  /** When the page was printed (ISO 8601). */
  at: string;
}

/** `print:job`: rendered bytes for a print agent to print on its kiosk's printer. */
export interface AgentPrintJob {
  jobId: number;
  printerId: number;
  /** The complete ESC/POS job, base64. */
  data: string;
}

/** `print-job:result`: what the agent's printer did with a job (or a status report alone). */
export interface PrintJobResult {
  /** The job, or null for a periodic status report. */
  jobId: number | null;
  ok: boolean;
  error?: { code: string; message: string; transient: boolean } | undefined;
  state?: PrinterState | undefined;
}

const TARGET =
  /^(?:agent|tcp:\/\/[^\s/?#]+\/?|file:[^\s]+|serial:[^\s?]+(?:\?baud=[1-9][0-9]{2,6})?|spool:[^\s]+)$/;

const printerOptionsSchema = z
  .object({
    width: z.number().int().min(96).max(2048),
    mode: z.enum(['raster', 'codepage', 'ascii']),
    qr: z.enum(['native', 'image']),
    charset: z.enum(['tcvn3', 'cp1258']),
    codeTable: z.number().int().min(0).max(255),
  })
  .partial()
  .strict();

const printerFields = {
  name: z.string().trim().min(1).max(100),
  target: z.string().trim().max(300).regex(TARGET),
  options: printerOptionsSchema,
  deviceId: z.number().int().positive().nullable(),
  isDefault: z.boolean(),
  active: z.boolean(),
};

/** `POST /api/printers`. */
export const createPrinterSchema = z
  .object({
    ...printerFields,
    options: printerOptionsSchema.default({}),
    deviceId: printerFields.deviceId.default(null),
    isDefault: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .strict();
export type CreatePrinterRequest = z.input<typeof createPrinterSchema>;

/** `PATCH /api/printers/:id`: any subset of the fields. */
export const updatePrinterSchema = z.object(printerFields).partial().strict();
export type UpdatePrinterRequest = z.infer<typeof updatePrinterSchema>;

/** `POST /api/tickets/:id/reprint`. */
export const reprintSchema = z
  .object({ printerId: z.number().int().positive().optional() })
  .strict();

/** `GET /api/print-jobs?status=`. */
export const printJobQuerySchema = z
  .object({
    status: z.enum(PRINT_JOB_STATUSES).optional(),
    /** `true`: only jobs of tickets still in the queue (waiting, called, serving, parked). */
    inQueue: z.enum(['true', 'false']).optional(),
    /** `true`: only each ticket's newest job (a failed job later reprinted drops out). */
    latest: z.enum(['true', 'false']).optional(),
  })
  .strict();

/** `print-job:result` from a print agent. */
export const printJobResultSchema = z
  .object({
    jobId: z.number().int().positive().nullable(),
    ok: z.boolean(),
    error: z
      .object({
        code: z.string().max(50),
        message: z.string().max(500),
        transient: z.boolean(),
      })
      .optional(),
    state: z.enum(PRINTER_STATES).optional(),
  })
  .strict();
