import { counterLabels } from '../../../server/src/contract/reports';

describe("a counter's label in reports", () => {
  test('number and name, in each language', () => {
    expect(counterLabels(1, 'Tiếp nhận')).toEqual({
      label: 'Quầy 1 · Tiếp nhận',
      labelEn: 'Counter 1 · Tiếp nhận',
    });
  });

  test('a name that already says the number is not doubled', () => {
    expect(counterLabels(3, 'Quầy 3')).toEqual({ label: 'Quầy 3', labelEn: 'Counter 3' });
    expect(counterLabels(12, 'Một cửa 12')).toEqual({ label: 'Một cửa 12', labelEn: 'Một cửa 12' });
  });

  test('another number inside the name is not this counter’s', () => {
    expect(counterLabels(1, 'Quầy 12').label).toBe('Quầy 1 · Quầy 12');
    expect(counterLabels(2, 'Phòng 12A').label).toBe('Quầy 2 · Phòng 12A');
  });
});
