/** A priority class a centre offers at the kiosk (đối tượng ưu tiên). */
export interface PriorityClassOption {
  code: string;
  name: string;
  nameEn: string;
}

/** "HH:MM" to "HH:MM", end exclusive. */
export interface OpeningInterval {
  open: string;
  close: string;
}

/** How priority tickets share counters with normal ones. */
export type PriorityPolicy = { mode: 'strict' } | { mode: 'interleave'; every: number };

/** Who may take a ticket at a kiosk: anyone on the LAN, or only paired kiosks. */
export const KIOSK_POLICIES = ['open', 'paired'] as const;
export type KioskPolicy = (typeof KIOSK_POLICIES)[number];

/** Which of espeak-ng's Vietnamese voices the default call clips are made from. */
export const VOICE_REGIONS = ['north', 'central', 'south'] as const;
export type VoiceRegion = (typeof VOICE_REGIONS)[number];

/** How a hall display announces a call (see docs/voice.md). */
export interface VoiceSettings {
  /** The default clip set: Northern, Central or Southern Vietnamese. */
  region: VoiceRegion;
  /**
   * The sentence, with `{number}` (read digit by digit), `{counter}` (read as words) and
   * `{clip:<id>}` (a clip a centre recorded); the text between them must be phrases the
   * clip set has (`VOICE_PHRASES` in contract/voice.ts), so every word can be played.
   */
  template: string;
  /** How many times each call is said (1–3). */
  repeats: number;
  /** Silence between two repeats, in milliseconds. */
  repeatPauseMs: number;
  /** When more calls than this wait to be said, each is said once so the backlog clears. */
  backlogThreshold: number;
  /** A chime before each call. */
  chime: boolean;
}

/** One answer a visitor can give when rating a service. */
export interface RatingLevel {
  /** 1 (worst) to the number of levels (best). */
  level: number;
  label: string;
  labelEn: string;
}

/** How the counter screen asks visitors to rate the service (đánh giá mức độ hài lòng). */
export interface RatingSettings {
  /** Whether counter screens ask at all. */
  enabled: boolean;
  /** The answers, worst first; their `level`s are 1..n. */
  levels: RatingLevel[];
  /** A level at or below this asks for reasons. */
  lowThreshold: number;
  /** The reasons a visitor can tick for a low score. */
  reasons: string[];
  /** A finished ticket can be rated for this many minutes. */
  windowMinutes: number;
  /** The counter screen goes back to idle after this many seconds untouched. */
  idleSeconds: number;
}

/** When the live monitor raises its time-based alerts (đặt ngưỡng cảnh báo). */
export interface MonitorSettings {
  /** A counter paused longer than this many minutes raises an alert (1–240). */
  pauseAlertMinutes: number;
  /**
   * A paired device with no open socket and no request for this many minutes counts as
   * offline (1–60; a device's `lastSeenAt` is written at most once a minute).
   */
  deviceOfflineMinutes: number;
}

/** The centre's queue rules, edited by admins and stored in the database. */
export interface CentreSettings {
  centreName: string;
  /** The centre's street address, printed under its name on tickets; empty for none. */
  centreAddress: string;
  /**
   * The centre's IANA time zone (e.g. `Asia/Ho_Chi_Minh`): its service day, opening hours
   * and clocks. `LUOT_TIME_ZONE`, when set, overrides it (`CentreInfo.timeZoneFixed`).
   */
  timeZone: string;
  priorityClasses: PriorityClassOption[];
  priorityPolicy: PriorityPolicy;
  /** Recalls allowed after the first call; past it the clerk marks a no-show. */
  recallLimit: number;
  /** A transferred ticket goes to the front of its new queue (else by issue time). */
  transferToFront: boolean;
  /** Reasons a clerk can give for a pause. */
  pauseReasons: string[];
  /** `open`: any kiosk on the LAN may issue; `paired`: only paired kiosks. */
  kioskPolicy: KioskPolicy;
  /** Refuse tickets outside opening hours and on holidays. */
  enforceOpeningHours: boolean;
  /** Opening hours per weekday, "0" = Sunday … "6" = Saturday. */
  openingHours: Record<string, OpeningInterval[]>;
  /** Closed days, YYYY-MM-DD. */
  holidays: string[];
  /** Stop issuing this many minutes before each closing time (services may override). */
  cutoffMinutes: number;
  /** Printed tickets carry an English line under each Vietnamese one. */
  ticketEnglish: boolean;
  /** The last line of a printed ticket. */
  ticketThankYou: string;
  /** The hall display's scrolling line (dòng chữ chạy); empty for none. */
  tickerText: string;
  /** A kiosk left untouched this many seconds goes back to its start screen. */
  kioskIdleSeconds: number;
  /** How calls are spoken on hall displays. */
  voice: VoiceSettings;
  /** How visitors rate a service at the counter screen. */
  rating: RatingSettings;
  /** The live monitor's alert times. */
  monitor: MonitorSettings;
}

/** The call sentence the issue and DOMAIN.md name as the default. */
export const DEFAULT_VOICE: VoiceSettings = {
  region: 'north',
  template: 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}',
  repeats: 2,
  repeatPauseMs: 800,
  backlogThreshold: 3,
  chime: true,
};

/** A quarter of an hour's pause, and two minutes without a word from a device. */
export const DEFAULT_MONITOR: MonitorSettings = {
  pauseAlertMinutes: 15,
  deviceOfflineMinutes: 2,
};

/** Four faces, worst first, and the reasons most centres ask about. */
export const DEFAULT_RATING: RatingSettings = {
  enabled: true,
  levels: [
    { level: 1, label: 'Không hài lòng', labelEn: 'Dissatisfied' },
    { level: 2, label: 'Bình thường', labelEn: 'Neutral' },
    { level: 3, label: 'Hài lòng', labelEn: 'Satisfied' },
    { level: 4, label: 'Rất hài lòng', labelEn: 'Very satisfied' },
  ],
  lowThreshold: 2,
  reasons: [
    'Thời gian chờ lâu',
    'Hướng dẫn chưa rõ',
    'Thái độ phục vụ',
    'Thủ tục phức tạp',
    'Cơ sở vật chất',
  ],
  windowMinutes: 10,
  idleSeconds: 30,
};

/** The five classes of the one-stop-shop rules, offered by default. */
export const DEFAULT_PRIORITY_CLASSES: PriorityClassOption[] = [
  { code: 'elderly', name: 'Người cao tuổi', nameEn: 'Elderly' },
  { code: 'disabled', name: 'Người khuyết tật', nameEn: 'Person with a disability' },
  { code: 'pregnant', name: 'Phụ nữ mang thai', nameEn: 'Pregnant woman' },
  { code: 'merit', name: 'Người có công với cách mạng', nameEn: 'Person with revolutionary merit' },
  { code: 'child', name: 'Người đi cùng trẻ nhỏ', nameEn: 'Carer of a young child' },
];

const WORKDAY: OpeningInterval[] = [
  { open: '07:30', close: '11:30' },
  { open: '13:30', close: '17:00' },
];

/** Settings of a new centre: typical hours, Monday–Friday and Saturday morning. */
export const DEFAULT_SETTINGS: CentreSettings = {
  centreName: 'Trung tâm Phục vụ hành chính công tỉnh',
  centreAddress: '',
  timeZone: 'Asia/Ho_Chi_Minh',
  priorityClasses: DEFAULT_PRIORITY_CLASSES,
  priorityPolicy: { mode: 'strict' },
  recallLimit: 3,
  transferToFront: true,
  pauseReasons: ['Nghỉ giải lao', 'Họp', 'Hỗ trợ nghiệp vụ', 'Việc riêng'],
  kioskPolicy: 'open',
  enforceOpeningHours: true,
  openingHours: {
    '0': [],
    '1': WORKDAY,
    '2': WORKDAY,
    '3': WORKDAY,
    '4': WORKDAY,
    '5': WORKDAY,
    '6': [{ open: '07:30', close: '11:30' }],
  },
  holidays: [],
  cutoffMinutes: 15,
  ticketEnglish: false,
  ticketThankYou: 'Xin cảm ơn quý khách!',
  tickerText: '',
  kioskIdleSeconds: 30,
  voice: DEFAULT_VOICE,
  rating: DEFAULT_RATING,
  monitor: DEFAULT_MONITOR,
};
