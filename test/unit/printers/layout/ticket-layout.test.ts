import {
  buildTicketLayout,
  formatIssuedAt,
  type TextBlock,
} from '../../../../printers/layout/ticket-layout';
import { SAMPLE_CENTRE, SAMPLE_TICKET } from '../../../../printers/layout/sample';

const texts = (blocks: ReturnType<typeof buildTicketLayout>['blocks']): string[] =>
  blocks.filter((b): b is TextBlock => b.kind === 'text').map((b) => b.text);

describe('buildTicketLayout()', () => {
  test('lays out centre, heading, huge number, service, counters, priority, wait, time, QR, thanks', () => {
    const layout = buildTicketLayout(SAMPLE_TICKET, SAMPLE_CENTRE);

    expect(texts(layout.blocks)).toEqual([
      'Trung tâm Phục vụ hành chính công',
      'SỐ THỨ TỰ',
      '1005',
      'Đăng ký kinh doanh',
      'Mời đến: Quầy 1, Quầy 2',
      'Ưu tiên: Người cao tuổi',
      'Số người chờ trước bạn: 4',
      'Thời gian chờ: khoảng 10–15 phút',
      'Giờ lấy số: 08:15 03/03/2025',
      'Quét mã để theo dõi lượt của bạn',
      'Xin cảm ơn quý khách!',
    ]);
    expect(layout.blocks.find((b) => b.kind === 'text' && b.text === '1005')).toMatchObject({
      size: 'huge',
    });
    expect(layout.blocks.filter((b) => b.kind === 'qr')).toEqual([
      { kind: 'qr', data: SAMPLE_TICKET.trackingUrl, scale: 0.45 },
    ]);
  });

  test('normalises decomposed input to NFC', () => {
    const layout = buildTicketLayout(
      { ...SAMPLE_TICKET, serviceName: 'Đăng ký kinh doanh'.normalize('NFD') },
      { ...SAMPLE_CENTRE, centreName: SAMPLE_CENTRE.centreName.normalize('NFD') },
    );

    for (const t of texts(layout.blocks)) expect(t).toBe(t.normalize('NFC'));
    expect(texts(layout.blocks)).toContain('Đăng ký kinh doanh');
  });

  test('omits priority and wait when absent and adds English lines and a logo when asked', () => {
    const layout = buildTicketLayout(
      { ...SAMPLE_TICKET, priorityLabel: null, estimatedWaitMinutes: null },
      { ...SAMPLE_CENTRE, english: true, logoPng: Uint8Array.of(1) },
    );

    const lines = texts(layout.blocks);
    expect(lines.some((t) => t.startsWith('Ưu tiên'))).toBe(false);
    expect(lines.some((t) => t.startsWith('Thời gian chờ'))).toBe(false);
    expect(lines).toContain('Your number');
    expect(layout.blocks[0]).toMatchObject({ kind: 'image' });
  });

  test('leaves out an estimated wait of 0 minutes, as the kiosk screen does', () => {
    const layout = buildTicketLayout({ ...SAMPLE_TICKET, estimatedWaitMinutes: 0 }, SAMPLE_CENTRE);

    expect(texts(layout.blocks).some((t) => t.startsWith('Thời gian chờ'))).toBe(false);
  });

  test.each([
    [3, 'Thời gian chờ: dưới 5 phút', 'Estimated wait: under 5 min'],
    [5, 'Thời gian chờ: khoảng 5–10 phút', 'Estimated wait: about 5–10 min'],
    [29, 'Thời gian chờ: khoảng 25–30 phút', 'Estimated wait: about 25–30 min'],
    [30, 'Thời gian chờ: khoảng 30–40 phút', 'Estimated wait: about 30–40 min'],
    [65, 'Thời gian chờ: khoảng 60–75 phút', 'Estimated wait: about 60–75 min'],
    [130, 'Thời gian chờ: khoảng 120–150 phút', 'Estimated wait: about 120–150 min'],
  ])(
    'prints an estimate of %i minutes as a band, the English right under it',
    (minutes, vi, en) => {
      const lines = texts(
        buildTicketLayout(
          { ...SAMPLE_TICKET, estimatedWaitMinutes: minutes },
          { ...SAMPLE_CENTRE, english: true },
        ).blocks,
      );

      expect(
        lines.filter((t) => t.startsWith('Thời gian chờ:') || t.startsWith('Estimated')),
      ).toEqual([vi, en]);
      expect(lines.indexOf(en)).toBe(lines.indexOf(vi) + 1);
    },
  );

  test('prints the service and priority in English under the Vietnamese, only when asked', () => {
    const ticket = {
      ...SAMPLE_TICKET,
      serviceNameEn: 'Business registration',
      priorityLabelEn: 'Elderly',
    };

    const english = texts(buildTicketLayout(ticket, { ...SAMPLE_CENTRE, english: true }).blocks);
    const vietnamese = texts(buildTicketLayout(ticket, SAMPLE_CENTRE).blocks);

    expect(english.slice(english.indexOf('Đăng ký kinh doanh'))).toEqual(
      expect.arrayContaining(['Business registration', 'Priority: Elderly']),
    );
    expect(english.indexOf('Business registration')).toBe(
      english.indexOf('Đăng ký kinh doanh') + 1,
    );
    expect(vietnamese).not.toContain('Business registration');
    expect(vietnamese).not.toContain('Priority: Elderly');
  });
});

describe('formatIssuedAt()', () => {
  test('shows the instant in the given zone, not the machine zone', () => {
    const at = new Date('2025-12-31T17:30:00Z');

    expect(formatIssuedAt(at, 'Asia/Ho_Chi_Minh')).toBe('00:30 01/01/2026');
    expect(formatIssuedAt(at.toISOString(), 'UTC')).toBe('17:30 31/12/2025');
  });
});
