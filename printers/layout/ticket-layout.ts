import { waitRange } from '../../server/src/contract/wait-range';
import { nfc } from '../text';

/** Horizontal placement of a block on the paper. */
export type Align = 'left' | 'center' | 'right';

/** Type sizes, from the fine print to the ticket number itself. */
export type TextSize = 'small' | 'normal' | 'large' | 'xlarge' | 'huge';

/** One line (or wrapped paragraph) of text. */
export interface TextBlock {
  kind: 'text';
  text: string;
  size: TextSize;
  bold: boolean;
  align: Align;
}

/** A QR code of `data`, centred; `scale` is its width as a share of the paper width. */
export interface QrBlock {
  kind: 'qr';
  data: string;
  scale: number;
}

/** A horizontal line across the paper. */
export interface RuleBlock {
  kind: 'rule';
}

/** Vertical blank space, in dots of an 80 mm (576-dot) ticket; renderers scale it. */
export interface SpaceBlock {
  kind: 'space';
  height: number;
}

/** A picture (the centre's logo), PNG bytes, centred, at most `scale` of the paper width. */
export interface ImageBlock {
  kind: 'image';
  png: Uint8Array;
  scale: number;
}

/** Anything a ticket is made of, top to bottom. */
export type LayoutBlock = TextBlock | QrBlock | RuleBlock | SpaceBlock | ImageBlock;

/** A printable document independent of paper width and printer dialect. */
export interface TicketLayout {
  blocks: LayoutBlock[];
}

/** What the printers library needs to know about one issued ticket. */
export interface TicketPrintData {
  /** The number as shown to the visitor, e.g. "1005" or "A015". */
  number: string;
  serviceName: string;
  /** The service's English name, printed under it when the centre prints English lines. */
  serviceNameEn?: string | undefined;
  /** Names of the counters that serve the ticket's service, e.g. ["Quầy 1", "Quầy 2"]. */
  counters: string[];
  /** The priority class label ("Người cao tuổi"), or null for an ordinary ticket. */
  priorityLabel: string | null;
  /** The priority class in English ("Elderly"), printed with English lines. */
  priorityLabelEn?: string | null | undefined;
  peopleAhead: number;
  /**
   * Estimated wait in whole minutes, printed as its band (`waitRange`: 12 → "khoảng 10–15
   * phút"), or null when there is no estimate yet (0: not shown).
   */
  estimatedWaitMinutes: number | null;
  /** When the ticket was issued (an instant; it is shown in the centre's time zone). */
  issuedAt: Date | string;
  /** The URL the QR code leads to, where the visitor follows the ticket. */
  trackingUrl: string;
}

/** Centre-wide settings that shape every ticket. */
export interface CentrePrintSettings {
  centreName: string;
  /** The centre's street address, printed small under its name; empty or absent for none. */
  centreAddress?: string | undefined;
  /** IANA zone the issue time is shown in, e.g. "Asia/Ho_Chi_Minh". */
  timeZone: string;
  /** The closing line; defaults to "Xin cảm ơn quý khách!". */
  thankYou?: string;
  /** Adds short English lines under the Vietnamese ones. */
  english?: boolean;
  /** The centre's logo as PNG bytes, printed at the top. */
  logoPng?: Uint8Array;
}

const text = (t: string, size: TextSize, bold = false, align: Align = 'center'): TextBlock => ({
  kind: 'text',
  text: nfc(t),
  size,
  bold,
  align,
});

/** Formats an instant as "HH:mm dd/MM/yyyy" in `timeZone`, independent of the machine's zone. */
export function formatIssuedAt(at: Date | string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(typeof at === 'string' ? new Date(at) : at);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${get('hour')}:${get('minute')} ${get('day')}/${get('month')}/${get('year')}`;
}

/** Builds the ticket layout of DOMAIN.md ("A printed ticket") from a ticket and centre settings. */
export function buildTicketLayout(
  ticket: TicketPrintData,
  centre: CentrePrintSettings,
): TicketLayout {
  const en = centre.english === true;
  const blocks: LayoutBlock[] = [];
  if (centre.logoPng) blocks.push({ kind: 'image', png: centre.logoPng, scale: 0.4 });
  blocks.push(text(centre.centreName, 'normal', true));
  const address = centre.centreAddress?.trim() ?? '';
  if (address !== '') blocks.push(text(address, 'small'));
  blocks.push({ kind: 'rule' });
  blocks.push(text('SỐ THỨ TỰ', 'large', true));
  if (en) blocks.push(text('Your number', 'small'));
  blocks.push(text(ticket.number, 'huge', true));
  blocks.push(text(ticket.serviceName, 'large', true));
  if (en && ticket.serviceNameEn) blocks.push(text(ticket.serviceNameEn, 'small'));
  if (ticket.counters.length > 0) {
    blocks.push(text(`Mời đến: ${ticket.counters.join(', ')}`, 'normal'));
  }
  if (ticket.priorityLabel) blocks.push(text(`Ưu tiên: ${ticket.priorityLabel}`, 'normal', true));
  if (en && ticket.priorityLabel && ticket.priorityLabelEn) {
    blocks.push(text(`Priority: ${ticket.priorityLabelEn}`, 'small'));
  }
  blocks.push({ kind: 'space', height: 8 });
  blocks.push(text(`Số người chờ trước bạn: ${ticket.peopleAhead}`, 'normal'));
  if (en) blocks.push(text(`People ahead of you: ${ticket.peopleAhead}`, 'small'));
  // As on the kiosk screen, a band of round minutes; no estimate, or 0 (called at once): none.
  const wait = waitRange(ticket.estimatedWaitMinutes ?? 0);
  if (wait !== null) {
    const { low, high } = wait;
    const band = low === 0 ? `${high}` : `${low}–${high}`;
    // Shorter than the screens' "Thời gian chờ dự kiến:" so the longest band still fits
    // one line of 80 mm paper: "khoảng" already says it is an estimate.
    blocks.push(text(`Thời gian chờ: ${low === 0 ? 'dưới' : 'khoảng'} ${band} phút`, 'normal'));
    if (en)
      blocks.push(text(`Estimated wait: ${low === 0 ? 'under' : 'about'} ${band} min`, 'small'));
  }
  blocks.push(text(`Giờ lấy số: ${formatIssuedAt(ticket.issuedAt, centre.timeZone)}`, 'normal'));
  blocks.push({ kind: 'space', height: 12 });
  blocks.push({ kind: 'qr', data: ticket.trackingUrl, scale: 0.45 });
  blocks.push(text('Quét mã để theo dõi lượt của bạn', 'small'));
  if (en) blocks.push(text('Scan to follow your turn', 'small'));
  blocks.push({ kind: 'rule' });
  blocks.push(text(centre.thankYou ?? 'Xin cảm ơn quý khách!', 'normal'));
  if (en) blocks.push(text('Thank you!', 'small'));
  return { blocks };
}
