import { isDeepStrictEqual } from 'node:util';
import type { Logger } from 'pino';
import type { CentreInfo } from '../../contract/entities';
import { DEFAULT_SETTINGS, type CentreSettings } from '../../contract/settings';
import { settingsPatchSchema } from '../../contract/schemas';
import { validateIntervals } from '../../domain/calendar';
import { DomainError } from '../../domain/errors';
import type { Repos } from '../../storage/repos';
import type { StoredSetting } from '../../storage/settings-repo';
import type { Actor } from '../core/actor';
import type { CommandContext, CommandRunner } from '../core/command-runner';

/** Where the server answers when nothing else is known. */
const DEFAULT_PUBLIC_URL = 'http://localhost:8080';

/**
 * Settings that move when the kiosk issues tickets (each service's `available` and
 * `issuingHours`): a change to one of them re-announces the services as well.
 */
const AVAILABILITY_SETTINGS: ReadonlySet<string> = new Set([
  'timeZone',
  'enforceOpeningHours',
  'openingHours',
  'holidays',
  'cutoffMinutes',
]);

/** Values the deployment fixes, overriding what admins stored. */
export interface SettingsOverrides {
  centreName?: string | undefined;
  /** The centre's time zone fixed by the deployment (LUOT_TIME_ZONE): the setting's is ignored. */
  timeZone?: string | undefined;
  /** The base URL visitors' phones reach the server at (known once it listens). */
  publicUrl?: () => string;
}

/** The centre's settings: defaults, overlaid by what admins stored, overlaid by the environment. */
export class SettingsService {
  private cache: CentreSettings | null = null;
  private availabilityListener: ((context: CommandContext) => void) | null = null;

  constructor(
    private readonly repos: Repos,
    private readonly runner: CommandRunner,
    private readonly overrides: SettingsOverrides = {},
    private readonly logger?: Pick<Logger, 'warn'>,
  ) {}

  current(): CentreSettings {
    if (!this.cache) {
      this.cache = {
        ...DEFAULT_SETTINGS,
        ...readStored(this.repos.settings.rows(), this.logger),
        ...(this.overrides.centreName !== undefined && { centreName: this.overrides.centreName }),
        ...(this.overrides.timeZone !== undefined && { timeZone: this.overrides.timeZone }),
      } as CentreSettings;
    }
    return this.cache;
  }

  /**
   * Called inside the settings command, after the new settings apply, when a change moves
   * the services' availability (hours, holidays, cut-off, zone): open kiosks must grey out
   * or reopen their services at once, not at the next ticket.
   */
  onAvailabilityChange(listener: (context: CommandContext) => void): void {
    this.availabilityListener = listener;
  }

  /**
   * Validates and stores a partial update; audited and pushed to screens. Only the fields
   * whose value changes count: a patch that changes nothing writes, records and sends
   * nothing. A retry with the same idempotency key answers the first result.
   */
  update(patch: unknown, actor: Actor, ip: string | null, idempotencyKey?: string): CentreSettings {
    // Validated before anything walks it. Vietnamese typed on some keyboards arrives
    // decomposed (NFD): the schema's text fields store and compare NFC only, once checked.
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) throw new DomainError('validation_failed', parsed.error.message);
    for (const intervals of Object.values(parsed.data.openingHours ?? {}))
      validateIntervals(intervals);
    const fixedZone = this.overrides.timeZone;
    if (fixedZone !== undefined && parsed.data.timeZone !== undefined) {
      // The deployment's zone wins; saying it again changes nothing, another is refused.
      if (parsed.data.timeZone !== fixedZone)
        throw new DomainError(
          'time_zone_fixed',
          `LUOT_TIME_ZONE fixes the time zone to ${fixedZone}`,
        );
    }
    const scope = `settings:update:staff:${actor.staffId}`;
    const command = { scope, idempotencyKey, request: parsed.data };
    return this.runner.run(command, (context) => {
      const current = this.current() as unknown as Record<string, unknown>;
      const changed = Object.fromEntries(
        Object.entries(parsed.data).filter(
          ([key, value]) => !isDeepStrictEqual(current[key], value),
        ),
      );
      if (Object.keys(changed).length === 0) return this.current();
      for (const [key, value] of Object.entries(changed)) this.repos.settings.set(key, value);
      context.audit(
        'settings.update',
        { staffId: actor.staffId, username: null, ip },
        Object.keys(changed).join(','),
        changed,
      );
      this.cache = null;
      context.emit('centre:updated', { centre: this.centreInfo() });
      if (Object.keys(changed).some((key) => AVAILABILITY_SETTINGS.has(key)))
        this.availabilityListener?.(context);
      return this.current();
    }).value;
  }

  /**
   * The centre's IANA time zone now: LUOT_TIME_ZONE when set, else the admins' setting.
   * Read at each use (service day, opening hours, audit days, monitor), so a change takes
   * effect without a restart.
   */
  timeZone(): string {
    return this.current().timeZone;
  }

  /** What screens show of the centre. */
  centreInfo(): CentreInfo {
    const settings = this.current();
    const { centreName, priorityClasses, pauseReasons, recallLimit, kioskPolicy } = settings;
    // The rating window stays the server's: screens need not know it to ask.
    const { windowMinutes: _window, ...rating } = settings.rating;
    return {
      name: centreName,
      address: settings.centreAddress,
      priorityClasses,
      pauseReasons,
      recallLimit,
      kioskPolicy,
      timeZone: settings.timeZone,
      timeZoneFixed: this.overrides.timeZone !== undefined,
      publicUrl: (this.overrides.publicUrl?.() ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, ''),
      logoUrl: logoUrl(this.repos.logo.sha256()),
      tickerText: settings.tickerText,
      kioskIdleSeconds: settings.kioskIdleSeconds,
      voice: settings.voice,
      rating,
    };
  }

  /** Forgets the cache (after a seed writes directly). */
  reload(): void {
    this.cache = null;
  }
}

/** Where screens fetch the logo: the hash in the query makes each version its own URL. */
export function logoUrl(sha256: string | null): string | null {
  return sha256 === null ? null : `/api/centre/logo?v=${sha256.slice(0, 16)}`;
}

type SettingKey = keyof typeof settingsPatchSchema.shape;

/**
 * The stored settings that are known and valid, key by key. A row this version does not
 * know (written by a newer one), or whose value no longer parses, is logged and skipped:
 * the centre keeps every other setting instead of falling back to all the defaults. The
 * row stays in the table; the next change of that setting overwrites it.
 */
function readStored(
  rows: readonly StoredSetting[],
  logger: Pick<Logger, 'warn'> | undefined,
): Partial<CentreSettings> {
  const stored: Record<string, unknown> = {};
  for (const { key, json } of rows) {
    const checked = checkStored(key, json);
    if (checked.ok) stored[key] = checked.value;
    else logger?.warn({ key: key.slice(0, 100), reason: checked.reason }, 'stored setting skipped');
  }
  return stored as Partial<CentreSettings>;
}

/** A stored row's value checked as an admin's patch would be, or why it cannot be used. */
function checkStored(
  key: string,
  json: string,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  const shape = settingsPatchSchema.shape;
  if (!Object.hasOwn(shape, key)) return { ok: false, reason: 'unknown setting' };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = shape[key as SettingKey].safeParse(raw);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'invalid' };
  if (key === 'openingHours') {
    try {
      for (const intervals of Object.values(parsed.data as CentreSettings['openingHours']))
        validateIntervals(intervals);
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : 'invalid hours' };
    }
  }
  return { ok: true, value: parsed.data };
}
