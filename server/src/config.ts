import path from 'node:path';
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './auth/passwords';
import { isValidTimeZone } from './domain/service-day';

const envSchema = z.object({
  PORT: z
    .string()
    .regex(/^[0-9]{1,5}$/, 'must be a port number 0–65535')
    .default('8080')
    .transform(Number)
    .refine((port) => port <= 65535, 'must be a port number 0–65535'),
  HOST: z.string().min(1).default('0.0.0.0'),
  LUOT_DATA_DIR: z.string().min(1).default('./data'),
  LUOT_ADMIN_PASSWORD: z
    .string()
    .optional()
    .refine((value) => !value || value.length >= MIN_PASSWORD_LENGTH, {
      message: `must be at least ${MIN_PASSWORD_LENGTH} characters`,
    }),
  // When set, it fixes the centre's zone and the admins' setting is refused; else theirs.
  LUOT_TIME_ZONE: z
    .string()
    .optional()
    .refine((zone) => !zone || isValidTimeZone(zone), { message: 'not a known IANA time zone' }),
  LUOT_CENTRE_NAME: z.string().trim().max(200).optional(),
  LUOT_PUBLIC_URL: z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(value), {
      message: 'must be an http(s) URL such as http://192.168.1.10:8080',
    }),
  LUOT_TICKET_LOGO: z.string().trim().optional(),
  LUOT_CENTRE_LOGO: z.string().trim().optional(),
  LUOT_BACKUP_KEEP: z
    .string()
    .regex(/^[0-9]{1,4}$/, 'must be a whole number of automatic backups to keep, 0–1000')
    .default('14')
    .transform(Number)
    .refine((keep) => keep <= 1000, 'must be a whole number of automatic backups to keep, 0–1000'),
  LUOT_DEMO: z.enum(['0', '1', 'true', 'false', 'large']).default('1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The server's configuration, read once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseFile: string;
  adminPassword: string | undefined;
  /** Fixes the centre's time zone, overriding the admins' setting, when given. */
  timeZone: string | undefined;
  /** Overrides the name admins set, when given. */
  centreName: string | undefined;
  seedDemo: boolean;
  /** Which demo centre to seed: today's 9 services, or 40 under fields and groups. */
  demoSize: 'default' | 'large';
  /** The base URL printed in tickets' QR codes; by default the listening address. */
  publicUrl: string | undefined;
  /** A PNG file printed at the top of every ticket (the centre's logo), when given. */
  ticketLogo: string | undefined;
  /** A PNG or JPEG stored as the centre's screen logo at start when none is (LUOT_CENTRE_LOGO). */
  centreLogo: string | undefined;
  /** Daily automatic backups kept (LUOT_BACKUP_KEEP); 0 turns them off. */
  backupKeep: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

/** Reads and validates the environment; throws one message listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.LUOT_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseFile: path.join(dataDir, 'luot.db'),
    adminPassword: e.LUOT_ADMIN_PASSWORD || undefined,
    timeZone: e.LUOT_TIME_ZONE || undefined,
    centreName: e.LUOT_CENTRE_NAME ? e.LUOT_CENTRE_NAME.normalize('NFC') : undefined,
    seedDemo: e.LUOT_DEMO === '1' || e.LUOT_DEMO === 'true' || e.LUOT_DEMO === 'large',
    demoSize: e.LUOT_DEMO === 'large' ? 'large' : 'default',
    publicUrl: e.LUOT_PUBLIC_URL ? e.LUOT_PUBLIC_URL.replace(/\/+$/, '') : undefined,
    ticketLogo: e.LUOT_TICKET_LOGO ? path.resolve(e.LUOT_TICKET_LOGO) : undefined,
    centreLogo: e.LUOT_CENTRE_LOGO ? path.resolve(e.LUOT_CENTRE_LOGO) : undefined,
    backupKeep: e.LUOT_BACKUP_KEEP,
    logLevel: e.LOG_LEVEL,
  };
}
