import {
  addDays,
  choiceFromSearch,
  daysIn,
  isDay,
  periodRange,
  rangeProblem,
  searchOf,
  summaryPath,
  trendGrouping,
  weekdayOf,
} from '../../../admin-ui/src/reports/report-period';

const VIETNAM = 'Asia/Ho_Chi_Minh';
/** The instant a wall clock in `zone` offset `offset` reads `day time`. */
const at = (day: string, time: string, offset = '+07:00') => Date.parse(`${day}T${time}${offset}`);

describe('periodRange()', () => {
  test('a week runs from its Monday, back across the month boundary', () => {
    // Wednesday 2 December 2026.
    const now = at('2026-12-02', '10:00:00');
    expect(periodRange('week', now, VIETNAM)).toEqual({ from: '2026-11-30', to: '2026-12-02' });
    expect(periodRange('month', now, VIETNAM)).toEqual({ from: '2026-12-01', to: '2026-12-02' });
    expect(periodRange('today', now, VIETNAM)).toEqual({ from: '2026-12-02', to: '2026-12-02' });
  });

  test('a Sunday belongs to the week that began six days before; a Monday starts its own', () => {
    expect(periodRange('week', at('2026-11-29', '16:00:00'), VIETNAM).from).toBe('2026-11-23');
    expect(periodRange('week', at('2026-11-30', '07:00:00'), VIETNAM).from).toBe('2026-11-30');
  });

  test.each([
    ['2026-01-01', '2026-01-01'],
    ['2026-03-31', '2026-01-01'],
    ['2026-04-01', '2026-04-01'],
    ['2026-06-30', '2026-04-01'],
    ['2026-07-01', '2026-07-01'],
    ['2026-09-30', '2026-07-01'],
    ['2026-10-01', '2026-10-01'],
    ['2026-12-31', '2026-10-01'],
  ])('on %s the quarter starts on %s', (day, from) => {
    expect(periodRange('quarter', at(day, '12:00:00'), VIETNAM)).toEqual({ from, to: day });
  });

  test('the days are the centre’s: 00:30 on New Year’s Day in Hà Nội is still 31 December in UTC', () => {
    const now = Date.parse('2026-12-31T17:30:00Z');
    expect(periodRange('today', now, VIETNAM)).toEqual({ from: '2027-01-01', to: '2027-01-01' });
    expect(periodRange('year', now, VIETNAM)).toEqual({ from: '2027-01-01', to: '2027-01-01' });
    expect(periodRange('quarter', now, VIETNAM).from).toBe('2027-01-01');
    // Friday 1 January 2027: its week began on Monday 28 December 2026.
    expect(periodRange('week', now, VIETNAM)).toEqual({ from: '2026-12-28', to: '2027-01-01' });
    // The same instant in New York is the afternoon of 31 December.
    expect(periodRange('year', now, 'America/New_York')).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
    });
  });

  test('23:59 and 00:01 in the centre fall on their own days', () => {
    expect(periodRange('today', at('2026-11-27', '23:59:00'), VIETNAM).to).toBe('2026-11-27');
    expect(periodRange('today', at('2026-11-28', '00:01:00'), VIETNAM).to).toBe('2026-11-28');
  });
});

describe('day arithmetic', () => {
  test('counts calendar days across months, leap days and a year end', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysIn({ from: '2026-01-01', to: '2026-12-31' })).toBe(365);
    expect(daysIn({ from: '2026-11-27', to: '2026-11-27' })).toBe(1);
    expect(weekdayOf('2026-11-30')).toBe(0);
    expect(weekdayOf('2026-11-29')).toBe(6);
  });

  test('isDay() accepts real dates only', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
    expect(isDay('')).toBe(false);
  });

  test('rangeProblem() refuses a reversed, unfinished or too long range', () => {
    expect(rangeProblem({ from: '2026-01-01', to: '2026-12-31' })).toBeNull();
    expect(rangeProblem({ from: '2026-12-31', to: '2026-01-01' })).toBe('reversed');
    expect(rangeProblem({ from: '', to: '2026-01-01' })).toBe('badDay');
    expect(rangeProblem({ from: '2010-01-01', to: '2026-12-31' })).toBe('tooLong');
  });

  test('the trend reads days up to a little over a year, months beyond', () => {
    expect(trendGrouping({ from: '2026-01-01', to: '2026-12-31' })).toBe('day');
    expect(trendGrouping({ from: '2020-01-01', to: '2026-12-31' })).toBe('month');
  });
});

describe('the address keeps the choice', () => {
  test('a named period is kept by name, so a bookmark follows the calendar', () => {
    const choice = choiceFromSearch('?period=quarter&groupBy=clerk&serviceId=3');
    expect(choice).toEqual({
      period: 'quarter',
      from: '',
      to: '',
      groupBy: 'clerk',
      serviceId: 3,
      counterId: null,
    });
    expect(searchOf(choice)).toBe('?period=quarter&groupBy=clerk&serviceId=3');
  });

  test('a custom period keeps its days', () => {
    const search = '?period=custom&from=2026-11-01&to=2026-11-15&groupBy=day&counterId=2';
    expect(searchOf(choiceFromSearch(search))).toBe(search);
  });

  test('what is missing or wrong falls back to this month by service', () => {
    expect(choiceFromSearch('?period=decade&groupBy=colour&serviceId=-1&counterId=x')).toEqual({
      period: 'month',
      from: '',
      to: '',
      groupBy: 'service',
      serviceId: null,
      counterId: null,
    });
    expect(choiceFromSearch('?period=custom&from=2026-02-30&to=2026-03-01').period).toBe('month');
  });

  test('summaryPath() asks the API for the same query in each format', () => {
    const query = {
      from: '2026-11-01',
      to: '2026-11-30',
      groupBy: 'counter' as const,
      serviceId: null,
      counterId: 4,
    };
    expect(summaryPath(query)).toBe(
      '/api/reports/summary?from=2026-11-01&to=2026-11-30&groupBy=counter&counterId=4',
    );
    expect(summaryPath(query, 'xlsx')).toBe(
      '/api/reports/summary?from=2026-11-01&to=2026-11-30&groupBy=counter&counterId=4&format=xlsx',
    );
  });
});
