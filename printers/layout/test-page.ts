import { nfc } from '../text';
import { formatIssuedAt, type LayoutBlock, type TicketLayout } from './ticket-layout';

/** Every Vietnamese letter form a printer's font or code page is most likely to get wrong. */
export const TEST_PAGE_DIACRITICS = 'ẮẰẲẴẶ ắằẳẵặ Đđ ƯƠ ươ';

/** What a test page names: the centre, the printer and when it was printed. */
export interface TestPageData {
  centreName: string;
  printerName: string;
  /** IANA zone the time is shown in, e.g. "Asia/Ho_Chi_Minh". */
  timeZone: string;
  at: Date;
  /** The centre's logo (PNG or JPEG), printed as on tickets when given. */
  logoPng?: Uint8Array | undefined;
}

/**
 * A short page that proves a printer works end to end: its logo and width, a line of the
 * hardest diacritics (a wrong code page shows at once), and a QR code (its raster path).
 */
export function buildTestPageLayout(page: TestPageData): TicketLayout {
  const text = (t: string, size: 'small' | 'normal' | 'large', bold = false): LayoutBlock => ({
    kind: 'text',
    text: nfc(t),
    size,
    bold,
    align: 'center',
  });
  const blocks: LayoutBlock[] = [];
  if (page.logoPng) blocks.push({ kind: 'image', png: page.logoPng, scale: 0.4 });
  blocks.push(
    text('Luot — In thử', 'large', true),
    text(page.centreName, 'normal', true),
    text(`Máy in: ${page.printerName}`, 'normal'),
    text(formatIssuedAt(page.at, page.timeZone), 'normal'),
    { kind: 'rule' },
    text(TEST_PAGE_DIACRITICS, 'normal'),
    { kind: 'space', height: 8 },
    { kind: 'qr', data: 'LUOT IN THU', scale: 0.3 },
    text('Máy in hoạt động tốt nếu đọc rõ các dòng trên.', 'small'),
  );
  return { blocks };
}
