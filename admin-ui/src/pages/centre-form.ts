import type {
  CentreSettings,
  OpeningInterval,
  PriorityClassOption,
  RatingLevel,
} from '@luot/contract';

/** The centre settings form as the inputs hold it: text for every field. */
export interface CentreForm {
  centreName: string;
  centreAddress: string;
  timeZone: string;
  tickerText: string;
  openingHours: Record<string, string>;
  enforceOpeningHours: boolean;
  holidays: string;
  cutoffMinutes: string;
  priorityClasses: string;
  policyMode: 'strict' | 'interleave';
  policyEvery: string;
  recallLimit: string;
  pauseReasons: string;
  kioskPolicy: CentreSettings['kioskPolicy'];
  kioskIdleSeconds: string;
  voice: {
    region: CentreSettings['voice']['region'];
    template: string;
    repeats: string;
    repeatPauseMs: string;
    backlogThreshold: string;
    chime: boolean;
  };
  rating: {
    enabled: boolean;
    levels: string;
    lowThreshold: string;
    reasons: string;
    windowMinutes: string;
    idleSeconds: string;
  };
  monitor: { pauseAlertMinutes: string; deviceOfflineMinutes: string };
}

/** A check of the form that failed, named by its message key and parameters. */
export class FormProblem extends Error {
  constructor(
    readonly key:
      | 'admin.centre.badHours'
      | 'admin.centre.badHoliday'
      | 'admin.centre.badLine'
      | 'admin.centre.badTimeZone',
    readonly params: Record<string, string | number>,
  ) {
    super(key);
  }
}

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '0'] as const;

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

const hoursText = (intervals: OpeningInterval[]) =>
  intervals.map((i) => `${i.open}-${i.close}`).join(', ');

/** The form showing stored settings. */
export function formOf(settings: CentreSettings): CentreForm {
  return {
    centreName: settings.centreName,
    centreAddress: settings.centreAddress,
    timeZone: settings.timeZone,
    tickerText: settings.tickerText,
    openingHours: Object.fromEntries(
      ['0', '1', '2', '3', '4', '5', '6'].map((day) => [
        day,
        hoursText(settings.openingHours[day] ?? []),
      ]),
    ),
    enforceOpeningHours: settings.enforceOpeningHours,
    holidays: settings.holidays.join('\n'),
    cutoffMinutes: String(settings.cutoffMinutes),
    priorityClasses: settings.priorityClasses
      .map((c) => `${c.code} | ${c.name} | ${c.nameEn}`)
      .join('\n'),
    policyMode: settings.priorityPolicy.mode,
    policyEvery: String(
      settings.priorityPolicy.mode === 'interleave' ? settings.priorityPolicy.every : 3,
    ),
    recallLimit: String(settings.recallLimit),
    pauseReasons: settings.pauseReasons.join('\n'),
    kioskPolicy: settings.kioskPolicy,
    kioskIdleSeconds: String(settings.kioskIdleSeconds),
    voice: {
      region: settings.voice.region,
      template: settings.voice.template,
      repeats: String(settings.voice.repeats),
      repeatPauseMs: String(settings.voice.repeatPauseMs),
      backlogThreshold: String(settings.voice.backlogThreshold),
      chime: settings.voice.chime,
    },
    rating: {
      enabled: settings.rating.enabled,
      levels: settings.rating.levels.map((l) => `${l.label} | ${l.labelEn}`).join('\n'),
      lowThreshold: String(settings.rating.lowThreshold),
      reasons: settings.rating.reasons.join('\n'),
      windowMinutes: String(settings.rating.windowMinutes),
      idleSeconds: String(settings.rating.idleSeconds),
    },
    monitor: {
      pauseAlertMinutes: String(settings.monitor.pauseAlertMinutes),
      deviceOfflineMinutes: String(settings.monitor.deviceOfflineMinutes),
    },
  };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** "07:30-11:30, 13:30-17:00" as intervals, checked as the server does. */
export function parseHours(text: string, day: string): OpeningInterval[] {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const intervals = parts.map((part) => {
    const [open, close, ...rest] = part.split('-').map((s) => s.trim());
    if (!open || !close || rest.length > 0 || !TIME.test(open) || !TIME.test(close)) {
      throw new FormProblem('admin.centre.badHours', { day });
    }
    return { open, close };
  });
  let last = '';
  for (const { open, close } of intervals) {
    if (open === '24:00' || open >= close || open < last) {
      throw new FormProblem('admin.centre.badHours', { day });
    }
    last = close;
  }
  if (intervals.length > 6) throw new FormProblem('admin.centre.badHours', { day });
  return intervals;
}

/** Lines of "a | b | c", each with exactly `count` non-empty parts. */
function splitLines(text: string, count: number, field: string): string[][] {
  return lines(text).map((line, index) => {
    const parts = line.split('|').map((p) => p.trim());
    if (parts.length !== count || parts.some((p) => p === '')) {
      throw new FormProblem('admin.centre.badLine', { field, line: index + 1 });
    }
    return parts;
  });
}

/**
 * The zone as the server stores it, checked as it checks it (canonicalTimeZone in
 * server/src/contract/service-day.ts, which a unit test holds this to): trimmed, spelled
 * as the runtime lists it when only the case differs, null when the runtime does not know it.
 */
export function canonicalTimeZone(typed: string): string | null {
  const zone = typed.trim();
  if (zone === '' || zone.length > 64) return null;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return null;
  }
  const lower = zone.toLowerCase();
  return Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === lower) ?? zone;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The settings the form describes. `dayName` and `fieldName` give the names a problem
 * is reported with. Numbers are left for the inputs' own limits and the server to judge.
 */
export function settingsOf(
  form: CentreForm,
  dayName: (day: string) => string,
  fieldName: (field: 'priorityClasses' | 'ratingLevels') => string,
): Omit<CentreSettings, 'ticketEnglish' | 'ticketThankYou' | 'transferToFront'> {
  const timeZone = canonicalTimeZone(form.timeZone);
  if (timeZone === null)
    throw new FormProblem('admin.centre.badTimeZone', { value: form.timeZone });
  const holidays = lines(form.holidays);
  const badHoliday = holidays.find((d) => !DATE.test(d));
  if (badHoliday !== undefined) {
    throw new FormProblem('admin.centre.badHoliday', { value: badHoliday });
  }
  const priorityClasses: PriorityClassOption[] = splitLines(
    form.priorityClasses,
    3,
    fieldName('priorityClasses'),
  ).map(([code = '', name = '', nameEn = '']) => ({ code, name, nameEn }));
  const levels: RatingLevel[] = splitLines(form.rating.levels, 2, fieldName('ratingLevels')).map(
    ([label = '', labelEn = ''], index) => ({ level: index + 1, label, labelEn }),
  );
  return {
    centreName: form.centreName.trim(),
    centreAddress: form.centreAddress.trim(),
    timeZone,
    tickerText: form.tickerText.trim(),
    openingHours: Object.fromEntries(
      Object.entries(form.openingHours).map(([day, text]) => [day, parseHours(text, dayName(day))]),
    ),
    enforceOpeningHours: form.enforceOpeningHours,
    holidays,
    cutoffMinutes: Number(form.cutoffMinutes),
    priorityClasses,
    priorityPolicy:
      form.policyMode === 'strict'
        ? { mode: 'strict' }
        : { mode: 'interleave', every: Number(form.policyEvery) },
    recallLimit: Number(form.recallLimit),
    pauseReasons: lines(form.pauseReasons),
    kioskPolicy: form.kioskPolicy,
    kioskIdleSeconds: Number(form.kioskIdleSeconds),
    voice: {
      region: form.voice.region,
      template: form.voice.template.trim(),
      repeats: Number(form.voice.repeats),
      repeatPauseMs: Number(form.voice.repeatPauseMs),
      backlogThreshold: Number(form.voice.backlogThreshold),
      chime: form.voice.chime,
    },
    rating: {
      enabled: form.rating.enabled,
      levels,
      lowThreshold: Number(form.rating.lowThreshold),
      reasons: lines(form.rating.reasons),
      windowMinutes: Number(form.rating.windowMinutes),
      idleSeconds: Number(form.rating.idleSeconds),
    },
    monitor: {
      pauseAlertMinutes: Number(form.monitor.pauseAlertMinutes),
      deviceOfflineMinutes: Number(form.monitor.deviceOfflineMinutes),
    },
  };
}

/** Only the fields whose value differs from what is stored: what `PATCH` is sent. */
export function changedFields(
  stored: CentreSettings,
  next: Partial<CentreSettings>,
): Partial<CentreSettings> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify(stored[key as keyof CentreSettings])) {
      patch[key] = value;
    }
  }
  return patch as Partial<CentreSettings>;
}
