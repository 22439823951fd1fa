import {
  closeReportExports,
  renderReport,
} from '../../../server/src/services/reports/report-export';
import { sampleSummary } from './sample-summary';

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) throw new Error('last record lacks its CRLF');
  return records;
}

describe('renderReport(csv)', () => {
  afterAll(closeReportExports);

  test('starts with a byte-order mark, ends lines with CRLF and names the file by period', async () => {
    const file = await renderReport(sampleSummary(), 'csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(file.fileName).toBe('bao-cao-2026-01-01_2026-12-31-service.csv');
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.body.toString('utf8');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  test('writes Vietnamese-then-English headers, one line per group and the total last', async () => {
    const text = (await renderReport(sampleSummary(), 'csv')).body.toString('utf8').slice(1);
    const [head = [], ...rows] = parseCsv(text);
    expect(head.slice(0, 8)).toEqual([
      'Dịch vụ / Service',
      'Số phiếu cấp / Issued',
      'Đã phục vụ / Served',
      'Vắng mặt / No-show',
      'Chuyển tiếp / Transferred',
      'Đã hủy / Cancelled',
      'Hết hạn / Expired',
      'Chờ TB (phút) / Mean wait (min)',
    ]);
    expect(head).toContain('Mức 4: Hài lòng / Level 4: Satisfied');
    expect(head).toContain('Tỷ lệ hài lòng / Satisfied share');
    expect(head).toContain('Lý do chưa hài lòng: Chờ lâu / Low-score reason: Chờ lâu');
    expect(head).toContain('Lượt đến 08h / Arrivals 08:00');
    expect(head.every((h) => h === h.normalize('NFC'))).toBe(true);
    // 1 + 6 counts + 12 durations + within target + 4 estimator figures + paused + idle
    // + ratings + 5 levels + rated + satisfied + 2 reasons + 24 hours = 60 columns.
    expect(head).toHaveLength(60);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.length === 60)).toBe(true);
    const cell = (row: string[], name: string) => row[head.indexOf(name)];
    const [land = [], civil = [], , total = []] = rows;
    expect(land[0]).toBe('Đất đai, nhà ở');
    expect(cell(land, 'Số phiếu cấp / Issued')).toBe('12');
    // 12.345 minutes to two places; 15.004 → 15.
    expect(cell(land, 'Chờ TB (phút) / Mean wait (min)')).toBe('12.35');
    expect(cell(land, 'Phục vụ tối đa (phút) / Max service (min)')).toBe('15');
    // 7 / 9 = 0.77777… → 0.7778; 4 / 6 → 0.6667.
    expect(cell(land, 'Đạt thời gian chờ mục tiêu / Within target wait')).toBe('0.7778');
    expect(cell(land, 'Tỷ lệ hài lòng / Satisfied share')).toBe('0.6667');
    expect(cell(land, 'Số phiếu có ước tính / Tickets with an estimate')).toBe('8');
    expect(cell(land, 'Sai số ước tính TB (phút) / Estimate MAE (min)')).toBe('3.25');
    expect(cell(land, 'Ước tính đúng trong ±5 phút / Estimate within ±5 min')).toBe('0.875');
    expect(cell(land, 'Độ lệch ước tính TB (phút) / Estimate bias (min)')).toBe('-1.5');
    expect(
      cell(
        land,
        'Lý do chưa hài lòng: Thái độ, "khó chịu" / Low-score reason: Thái độ, "khó chịu"',
      ),
    ).toBe('1');
    expect(cell(land, 'Lượt đến 08h / Arrivals 08:00')).toBe('5');
    expect(cell(civil, 'Tạm dừng (phút) / Paused (min)')).toBe('');
    expect(total[0]).toBe('Tổng cộng / Total');
    expect(cell(total, 'Số phiếu cấp / Issued')).toBe('20');
    expect(cell(total, 'Đã phục vụ / Served')).toBe('17');
    expect(cell(total, 'Tạm dừng (phút) / Paused (min)')).toBe('42.5');
    expect(cell(total, 'Tỷ lệ hài lòng / Satisfied share')).toBe('0.8');
    expect(cell(total, 'Mức 5: Rất hài lòng / Level 5: Very satisfied')).toBe('3');
  });

  test('quotes commas and quotes per RFC 4180 and defuses a name that starts like a formula', async () => {
    const text = (await renderReport(sampleSummary(), 'csv')).body.toString('utf8');
    expect(text).toContain('"Lý do chưa hài lòng: Thái độ, ""khó chịu"" / ');
    expect(text).toContain('\r\n"\'=HYPERLINK(""http://x"",""bấm"")",0,0,');
    const rows = parseCsv(text.slice(1));
    expect(rows[3]?.[0]).toBe('\'=HYPERLINK("http://x","bấm")');
    for (const start of ['+1', '-1', '@SUM(A1)']) {
      const summary = sampleSummary();
      const [first] = summary.rows;
      if (first) first.label = start;
      const again = parseCsv((await renderReport(summary, 'csv')).body.toString('utf8').slice(1));
      expect(again[1]?.[0]).toBe(`'${start}`);
    }
  });
});
