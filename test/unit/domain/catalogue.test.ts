import {
  deriveServiceCode,
  foldDiacritics,
  prefixClash,
  rangesOverlap,
} from '../../../server/src/domain/catalogue';
import { numberInRange, rangeSize } from '../../../server/src/domain/numbering';

describe('foldDiacritics()', () => {
  test('folds every Vietnamese letter to ASCII, đ and Đ included', () => {
    expect(foldDiacritics('Đăng ký đất đai ở Huế, Ưu tiên')).toBe('Dang ky dat dai o Hue, Uu tien');
  });
});

describe('deriveServiceCode()', () => {
  const none = () => false;

  test('takes the initials, uppercased, of the words of the name', () => {
    expect(deriveServiceCode('Đăng ký khai sinh', none)).toBe('DKKS');
    expect(deriveServiceCode('  thuế -- thu nhập  cá nhân ', none)).toBe('TTNCN');
  });

  test('keeps a number whole and caps the code at 12 characters', () => {
    expect(deriveServiceCode('Hộ chiếu 2024', none)).toBe('HC2024');
    expect(deriveServiceCode('a b c d e f g h i j k l m n o', none)).toBe('ABCDEFGHIJKL');
  });

  test('falls back to DV for a name without a letter or digit', () => {
    expect(deriveServiceCode('★ — ★', none)).toBe('DV');
  });

  test('adds 2, 3… until the code is free', () => {
    const taken = new Set(['DKKS', 'DKKS2']);
    expect(deriveServiceCode('Đăng ký kết sổ', (code) => taken.has(code))).toBe('DKKS3');
  });
});

describe('rangesOverlap()', () => {
  test('reads no range as every number', () => {
    expect(rangesOverlap(null, { from: 5000, to: 5001 })).toBe(true);
  });

  test('counts shared ends as overlapping and neighbours as apart', () => {
    expect(rangesOverlap({ from: 1, to: 10 }, { from: 10, to: 20 })).toBe(true);
    expect(rangesOverlap({ from: 1, to: 10 }, { from: 11, to: 20 })).toBe(false);
  });
});

describe('prefixClash()', () => {
  const other = { id: 1, prefix: 'A', active: true, numberRange: { from: 1, to: 499 } };

  test('finds an active service of the same prefix whose numbers overlap', () => {
    const candidate = { id: 2, prefix: 'A', active: true, numberRange: { from: 400, to: 999 } };
    expect(prefixClash(candidate, [other])).toBe(other);
  });

  test('lets apart ranges, other prefixes, inactive services and the service itself be', () => {
    const apart = { id: 2, prefix: 'A', active: true, numberRange: { from: 500, to: 999 } };
    expect(prefixClash(apart, [other])).toBeUndefined();
    expect(prefixClash({ ...apart, prefix: 'B', numberRange: null }, [other])).toBeUndefined();
    expect(
      prefixClash({ ...apart, numberRange: null }, [{ ...other, active: false }]),
    ).toBeUndefined();
    expect(prefixClash({ ...apart, active: false, numberRange: null }, [other])).toBeUndefined();
    expect(prefixClash({ ...other, numberRange: null }, [other])).toBeUndefined();
  });
});

describe('numberInRange()', () => {
  test('runs from the range start and stops after its end', () => {
    const range = { from: 1001, to: 1002 };
    expect([1, 2, 3].map((n) => numberInRange(range, n))).toEqual([1001, 1002, null]);
    expect(numberInRange(null, 7)).toBe(7);
    expect(rangeSize(range)).toBe(2);
    expect(rangeSize(null)).toBeNull();
  });
});
