import {
  labelOfLevel,
  ratingLevelsOf,
  reportColumns,
} from '../../../server/src/services/reports/report-columns';
import { facts, MONDAY, run, type Ticket } from './day-facts';

describe('ratings at a level above a scale that shrank', () => {
  test('are still counted, and the levels add up to the ratings', () => {
    // The scale has 3 levels now; two ratings were given on the old 5-level scale.
    const tickets: Ticket[] = [
      { status: 'done', called: '08:10', finished: '08:20', rating: 5 },
      { status: 'done', called: '08:30', finished: '08:40', rating: 1 },
      { status: 'done', called: '08:50', finished: '09:00', rating: 3 },
    ];
    const { rows, total } = run(facts(tickets, [['08:00', '12:00']]), { levels: 3 });
    expect(total.ratings).toBe(3);
    expect(total.ratingLevels).toEqual([1, 0, 1, 0, 1]);
    expect(rows.every((r) => r.ratingLevels.length === 5)).toBe(true);
    expect(total.satisfiedShare).toBeCloseTo(2 / 3, 9);
  });

  test('get a column "Mức N" / "Level N" in the exports', () => {
    const { rows, total } = run(
      facts(
        [{ status: 'done', called: '08:10', finished: '08:20', rating: 5 }],
        [['08:00', '09:00']],
      ),
      { levels: 3 },
    );
    const summary = {
      centre: { name: 'C', address: '', timeZone: 'UTC' },
      from: MONDAY,
      to: MONDAY,
      groupBy: 'counter' as const,
      serviceId: null,
      counterId: null,
      generatedAt: '2026-03-02T12:00:00.000Z',
      ratingScale: [
        { level: 1, label: 'Không hài lòng', labelEn: 'Dissatisfied' },
        { level: 2, label: 'Bình thường', labelEn: 'Neutral' },
        { level: 3, label: 'Hài lòng', labelEn: 'Satisfied' },
      ],
      satisfiedFrom: 3,
      rows,
      total,
      arrivalsByWeekdayHour: [],
      waitBands: [],
    };
    expect(ratingLevelsOf(summary)).toEqual([1, 2, 3, 4, 5]);
    expect(labelOfLevel(summary, 5, 'vi')).toBe('Mức 5');
    expect(labelOfLevel(summary, 3, 'en')).toBe('Level 3: Satisfied');
    const column = reportColumns(summary, { hours: false }).find((c) => c.id === 'rating.5');
    expect(column && [column.vi, column.en, column.value(total)]).toEqual(['Mức 5', 'Level 5', 1]);
  });
});
