import { encodeVietnamese } from '../../../../printers/escpos/codepage';
import { toAscii } from '../../../../printers/text';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('encodeVietnamese()', () => {
  test('maps each toned letter to one TCVN-3 byte', () => {
    expect(hex(encodeVietnamese('Người', 'tcvn3'))).toBe('4e67adea69');
    expect(hex(encodeVietnamese('đăng ký', 'tcvn3'))).toBe('aea86e67206bfd');
  });

  test('prints TCVN-3 upper-case toned letters in lower case, base capitals as capitals', () => {
    expect(hex(encodeVietnamese('SỐ Đ', 'tcvn3'))).toBe('53e820a7');
  });

  test('writes CP1258 as base letter then combining tone byte', () => {
    expect(hex(encodeVietnamese('Người', 'cp1258'))).toBe('4e67fdf5cc69');
    expect(hex(encodeVietnamese('á ố', 'cp1258'))).toBe('e120f4ec');
  });

  test('accepts decomposed input by normalising it first', () => {
    expect(encodeVietnamese('Đăng ký'.normalize('NFD'), 'tcvn3')).toEqual(
      encodeVietnamese('Đăng ký', 'tcvn3'),
    );
  });
});

describe('toAscii()', () => {
  test('strips every Vietnamese diacritic, đ included', () => {
    expect(toAscii('Đăng ký kinh doanh – Người cao tuổi')).toBe(
      'Dang ky kinh doanh - Nguoi cao tuoi',
    );
  });
});
