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

/** The centre's queue rules, edited by admins and stored in the database. */
export interface CentreSettings {
  centreName: string;
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
}

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
};
