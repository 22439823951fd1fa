import { z } from 'zod';
import { readableText } from './admin-schemas';
import { canonicalTimeZone } from './service-day';
import { KIOSK_POLICIES, VOICE_REGIONS } from './settings';
import { parseVoiceTemplate } from './voice';

/** Runtime validation of every input; the server imports these, UIs only the types. */

/** A database id in a path or body: a positive safe integer. */
export const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A path parameter holding an id, as text. */
export const idParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/)
  .transform(Number);

export const issueTicketSchema = z
  .object({
    serviceId: idSchema,
    priorityClass: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,31}$/)
      .nullable()
      .optional(),
  })
  .strict();

export const loginSchema = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(1000),
  })
  .strict();

export const syncSchema = z
  .object({ sinceSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })
  .strict();

const clockTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/);
const isoDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/);
const label = (max: number) => z.string().trim().min(1).max(max);

/** A partial update of the centre's settings; every field optional, none unknown. */
export const settingsPatchSchema = z
  .object({
    centreName: readableText(200),
    // Empty for none; otherwise one readable line, as printed under the name on tickets.
    centreAddress: z
      .string()
      .trim()
      .max(300)
      .refine((t) => t === '' || readableText(300).safeParse(t).success, 'unreadable character')
      .transform((t) => t.normalize('NFC')),
    // An IANA name this server's Intl knows (Asia/Ho_Chi_Minh, Asia/Bangkok …).
    timeZone: z
      .string()
      .max(100)
      .transform((zone, ctx) => {
        const canonical = canonicalTimeZone(zone);
        if (canonical === null) {
          ctx.addIssue({
            code: 'custom',
            message: 'not a known IANA time zone, e.g. Asia/Ho_Chi_Minh',
          });
          return z.NEVER;
        }
        return canonical;
      }),
    priorityClasses: z
      .array(
        z
          .object({
            code: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/),
            name: readableText(100),
            nameEn: readableText(100),
          })
          .strict(),
      )
      .max(20)
      .refine((list) => new Set(list.map((c) => c.code)).size === list.length, 'duplicate code'),
    priorityPolicy: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('strict') }).strict(),
      z.object({ mode: z.literal('interleave'), every: z.number().int().min(1).max(100) }).strict(),
    ]),
    recallLimit: z.number().int().min(0).max(20),
    transferToFront: z.boolean(),
    pauseReasons: z.array(readableText(100)).min(1).max(30),
    kioskPolicy: z.enum(KIOSK_POLICIES),
    enforceOpeningHours: z.boolean(),
    openingHours: z.partialRecord(
      z.enum(['0', '1', '2', '3', '4', '5', '6']),
      z.array(z.object({ open: clockTime, close: clockTime }).strict()).max(6),
    ),
    holidays: z.array(isoDay).max(400),
    cutoffMinutes: z.number().int().min(0).max(240),
    ticketEnglish: z.boolean(),
    ticketThankYou: readableText(120),
    // Empty for no ticker; otherwise readable text like every other line people read.
    tickerText: z
      .string()
      .trim()
      .max(500)
      .refine((t) => t === '' || readableText(500).safeParse(t).success, 'unreadable character')
      .transform((t) => t.normalize('NFC')),
    kioskIdleSeconds: z.number().int().min(10).max(600),
    voice: z
      .object({
        region: z.enum(VOICE_REGIONS),
        template: readableText(300).refine((t) => parseVoiceTemplate(t).ok, {
          message: 'the template says something no clip says (see docs/voice.md)',
        }),
        repeats: z.number().int().min(1).max(3),
        repeatPauseMs: z.number().int().min(0).max(5000),
        backlogThreshold: z.number().int().min(0).max(50),
        chime: z.boolean(),
      })
      .strict(),
    rating: z
      .object({
        enabled: z.boolean(),
        levels: z
          .array(
            z
              .object({
                level: z.number().int().min(1).max(5),
                label: readableText(60),
                labelEn: readableText(60),
              })
              .strict(),
          )
          .min(2)
          .max(5)
          .refine(
            (list) => list.every((l, i) => l.level === i + 1),
            'levels must be 1..n in order',
          ),
        lowThreshold: z.number().int().min(0).max(5),
        reasons: z.array(readableText(100)).max(20),
        windowMinutes: z.number().int().min(1).max(240),
        idleSeconds: z.number().int().min(5).max(600),
      })
      .strict()
      .refine((r) => r.lowThreshold < r.levels.length, 'lowThreshold must be below the best level'),
    monitor: z
      .object({
        pauseAlertMinutes: z.number().int().min(1).max(240),
        deviceOfflineMinutes: z.number().int().min(1).max(60),
      })
      .strict(),
  })
  .partial()
  .strict();

/** `POST /api/tickets/:id/rating`; the level is checked against the centre's levels too. */
export const rateTicketSchema = z
  .object({
    level: z.number().int().min(1).max(5),
    reasons: z.array(readableText(100)).max(20).optional(),
    // Readable text as every other line people read (no control or bidi characters, NFC),
    // but it may be left empty.
    comment: z
      .string()
      .trim()
      .max(1000)
      .refine((t) => t === '' || readableText(1000).safeParse(t).success, 'unreadable character')
      .transform((t) => t.normalize('NFC'))
      .optional(),
  })
  .strict();

const note = z.string().trim().max(500);

/** `POST /api/counters/:id/call` */
export const callTicketSchema = z.union([
  z.object({ ticketId: idSchema }).strict(),
  z
    .object({
      number: z
        .string()
        .trim()
        .min(2)
        .max(12)
        .regex(/^[A-Za-z0-9]+$/),
    })
    .strict(),
]);

/** `POST /api/counters/:id/transfer` */
export const transferSchema = z
  .object({ serviceId: idSchema.optional(), counterId: idSchema.optional(), note: note.optional() })
  .strict()
  .refine((t) => t.serviceId !== undefined || t.counterId !== undefined, {
    message: 'serviceId or counterId is required',
  });

/** `POST /api/counters/:id/pause` */
export const pauseSchema = z.object({ reason: label(100) }).strict();

/** `POST /api/counters/:id/auto-call` */
export const autoCallSchema = z.object({ enabled: z.boolean() }).strict();

/** `POST /api/tickets/:id/cancel` */
export const cancelSchema = z.object({ reason: label(500) }).strict();

/** An empty body for actions that take none (an absent body counts as empty). */
export const emptySchema = z.object({}).strict();

/** The lists of today's tickets staff pick from (`GET /api/tickets?list=…`). */
export const TICKET_LIST_NAMES = ['waiting', 'parked', 'no-show', 'done'] as const;
export type TicketListName = (typeof TICKET_LIST_NAMES)[number];

/** `GET /api/tickets`; `counterId` keeps the tickets last handled at one counter. */
export const ticketListQuerySchema = z
  .object({
    list: z.enum(TICKET_LIST_NAMES),
    counterId: z
      .string()
      .regex(/^[1-9][0-9]{0,8}$/)
      .transform(Number)
      .optional(),
  })
  .strict();
