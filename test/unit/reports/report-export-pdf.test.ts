import {
  closeReportExports,
  renderReport,
} from '../../../server/src/services/reports/report-export';
import { describeWithPdftotext, pdfPages, pdfText } from './pdf-text';
afterAll(closeReportExports);

import type { ReportSummary } from '../../../server/src/contract/reports';
import { filteredSample, largeSummary, sampleSummary } from './sample-summary';

const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const VOWELS = [...'aăâeêioôơuưy', ...'AĂÂEÊIOÔƠUƯY'];
/** Every Vietnamese letter: each vowel with no tone and with each of the five, then đ Đ. */
const LETTERS = [
  ...VOWELS.flatMap((vowel) => TONES.map((tone) => (vowel + tone).normalize('NFC'))),
  'đ',
  'Đ',
];
/** The letters with two marks (ấ ậ ộ ờ …), which DejaVu draws from ones with one (â ọ ơ). */
const TWO_MARKS = LETTERS.filter((letter) => letter.normalize('NFD').length === 3);

/** The sample with `letters`, in brackets, as the centre's name (bold) and a service (regular). */
function withLetters(letters: string[]): ReportSummary {
  const summary = sampleSummary();
  const text = `[ ${letters.join(' ')} ]`;
  const [first, ...rest] = summary.rows;
  if (!first) throw new Error('the sample has rows');
  return {
    ...summary,
    centre: { ...summary.centre, name: text },
    rows: [{ ...first, label: text }, ...rest],
  };
}

describeWithPdftotext('renderReport(pdf)', () => {
  test('is an A4 PDF whose extracted text holds the centre, period and Vietnamese headers', async () => {
    const file = await renderReport(sampleSummary(), 'pdf');
    expect(file.contentType).toBe('application/pdf');
    expect(file.fileName).toBe('bao-cao-2026-01-01_2026-12-31-service.pdf');
    expect(file.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(file.body);
    expect(text).toBe(text.normalize('NFC'));
    for (const words of [
      'Trung tâm Phục vụ hành chính công tỉnh Quảng Trị',
      '45 Hùng Vương, phường Đông Hà',
      'Kỳ báo cáo / Period: 01/01/2026 – 31/12/2026',
      'Nhóm theo / Grouped by: Theo dịch vụ / By service',
      'Dịch vụ / Service',
      'Số phiếu cấp / Issued',
      'Chờ TB (phút) / Mean wait (min)',
      'Sai số ước tính TB (phút) / Estimate MAE (min)',
      'Độ lệch ước tính TB (phút) / Estimate bias (min)',
      'Tỷ lệ hài lòng / Satisfied share',
      'Lập lúc / Generated at: 31/12/2026 17:05 (Asia/Ho_Chi_Minh)',
      'Phân bố thời gian chờ / Wait distribution',
    ]) {
      expect(text).toContain(words);
    }
  });

  test('names the service and counter filtered by in its header', async () => {
    const filtered = filteredSample();
    const text = pdfText((await renderReport(filtered, 'pdf')).body);
    expect(text).toContain(
      'Lọc theo dịch vụ / Service filter: Đăng ký kinh doanh / Business registration',
    );
    expect(text).toContain('Lọc theo quầy / Counter filter: Quầy 2 · Trả kết quả');
  });

  test('prints each group and the totals: counts, minutes to one decimal, shares in percent', async () => {
    const text = pdfText((await renderReport(sampleSummary(), 'pdf')).body);
    // Issued, served, no-show, transferred, cancelled, expired; wait mean 12.345 → 12.3,
    // median 11.5, p90 20.125 → 20.1, max 31; service mean 7.5, median 6.25 → 6.3 (toFixed);
    // within target 7/9 = 77.78 %; the estimator's MAE 3.25 → 3.3 and bias −1.5; 6 ratings;
    // rated 6/9 = 66.67 %; satisfied 4/6 = 66.67 %.
    expect(text).toContain(
      'Đất đai, nhà ở 12 9 1 2 1 1 12.3 11.5 20.1 31.0 7.5 6.3 77.78 % 3.3 -1.5 6 66.67 % 66.67 %',
    );
    // Total: 20 issued, 17 served; within 15/17 = 88.24 %; rated 10/17 = 58.82 %; 80 %.
    expect(text).toContain(
      'Tổng cộng / Total 20 17 1 2 1 1 8.6 8.3 18.5 31.0 6.3 5.5 88.24 % 3.3 -1.5 10 58.82 % 80.00 %',
    );
    expect(text).toContain('Trang 1/2 · Page 1/2');
    expect(text).toContain('Trang 2/2 · Page 2/2');
  });

  test('extracts every Vietnamese letter, also after a report that used only the letters built on them', async () => {
    // A new export thread, so the fonts it keeps have been used by no earlier report.
    await closeReportExports();
    await renderReport(withLetters(TWO_MARKS), 'pdf');
    const file = await renderReport(withLetters(LETTERS), 'pdf');
    const [first] = pdfPages(file.body);
    const extracted = [...(first ?? '').normalize('NFC').matchAll(/\[ ([^\]]*) \]/g)].map((match) =>
      (match[1] ?? '').split(' '),
    );
    expect(LETTERS).toHaveLength(146);
    // The centre's name in bold, then the service's name in the table.
    expect(extracted).toEqual([LETTERS, LETTERS]);
  });

  test('wraps chart labels between words and cuts a word too wide for its bar with "…"', async () => {
    const names = ['Nguyễn Thị Hồng', 'Trần Văn Bình', 'Phạm Nguyễn Khánh Linh'];
    const summary = sampleSummary();
    const [first] = summary.rows;
    if (!first) throw new Error('the sample has rows');
    // 45 clerks leave each label some 15 points: "Nguyễn" in 6 points fits on no line.
    const rows = Array.from({ length: 45 }, (_, i) => ({
      ...first,
      key: String(i),
      label: names[i % names.length] ?? '',
    }));
    const file = await renderReport({ ...summary, groupBy: 'clerk', rows }, 'pdf');
    const chart = pdfPages(file.body).at(-1) ?? '';
    // The labels come after the share axis (0 % … 100 %) and before the second chart.
    const labels = chart.slice(chart.indexOf('100 %') + '100 %'.length, chart.indexOf('Phân bố'));
    const words = names.flatMap((name) => name.split(' '));
    const pieces = labels.trim().split(' ');
    expect(pieces).toContain('Thị');
    const broken = pieces.filter(
      (piece) =>
        !words.includes(piece) &&
        !(piece.endsWith('…') && words.some((word) => word.startsWith(piece.slice(0, -1)))),
    );
    expect(broken).toEqual([]);
  });

  test('renders 500 groups in a few seconds, every table page repeating the header', async () => {
    const started = performance.now();
    const file = await renderReport(largeSummary(500), 'pdf');
    expect(performance.now() - started).toBeLessThan(5000);
    const pages = pdfPages(file.body);
    expect(pages.length).toBeGreaterThan(5);
    const tablePages = pages.slice(0, -1);
    for (const [i, page] of tablePages.entries()) {
      expect(page).toContain('Ngày / Day Số phiếu cấp / Issued');
      expect(page).toContain(`Trang ${i + 1}/${pages.length} · Page ${i + 1}/${pages.length}`);
    }
    // Every day appears once, in order, and the total closes the last table page.
    const all = tablePages.join(' ');
    const days = [...all.matchAll(/\b(20\d\d-\d\d-\d\d) (\d+) /g)];
    expect(days).toHaveLength(500);
    expect(days.map((m) => Number(m[2]))).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(tablePages.at(-1)).toContain('Tổng cộng / Total 20 17');
    expect(pages.at(-1)).toContain('Số phiếu đã phục vụ / Tickets served');
  });
});

describe('renderReport() off the main thread', () => {
  afterAll(closeReportExports);

  test('keeps the event loop turning while twelve years by day render to XLSX and PDF', async () => {
    // 4,400 groups take seconds of CPU to lay out; rendered here they would stall every
    // timer for that long.
    const summary = largeSummary(4400);
    for (const format of ['xlsx', 'pdf'] as const) {
      let last = performance.now();
      let longest = 0;
      const tick = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
      }, 5);
      const file = await renderReport(summary, format);
      clearInterval(tick);
      longest = Math.max(longest, performance.now() - last);
      expect(file.body.length).toBeGreaterThan(100_000);
      expect(longest).toBeLessThan(250);
    }
  });
});
