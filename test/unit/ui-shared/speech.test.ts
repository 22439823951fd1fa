import { MESSAGES } from '../../../server/src/contract/i18n';
import { callSentence, numberToWords, spellTicketNumber } from '../../../ui-shared/src/speech';

describe('numberToWords()', () => {
  test.each([
    [0, 'không'],
    [1, 'một'],
    [3, 'ba'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [25, 'hai mươi lăm'],
    [30, 'ba mươi'],
    [31, 'ba mươi mốt'],
    [44, 'bốn mươi tư'],
    [55, 'năm mươi lăm'],
    [99, 'chín mươi chín'],
  ])('spells %i as %s', (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });

  test('spells 24 as hai mươi tư', () => {
    expect(numberToWords(24)).toBe('hai mươi tư');
  });

  test.each([
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [224, 'hai trăm hai mươi tư'],
    [999, 'chín trăm chín mươi chín'],
  ])('spells hundreds: %i as %s', (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });

  test('reads numbers from 1000 up digit by digit', () => {
    expect(numberToWords(1015)).toBe('một không một năm');
  });

  test('rejects negative and fractional numbers', () => {
    expect(() => numberToWords(-1)).toThrow(RangeError);
    expect(() => numberToWords(1.5)).toThrow(RangeError);
  });
});

describe('spellTicketNumber()', () => {
  test('reads every digit on its own, 5 staying năm', () => {
    expect(spellTicketNumber('1015')).toBe('một không một năm');
  });

  test('reads a letter prefix by its Vietnamese name', () => {
    expect(spellTicketNumber('A015')).toBe('a không một năm');
    expect(spellTicketNumber('B200')).toBe('bê hai không không');
  });

  test('reads lower-case prefixes like upper-case ones', () => {
    expect(spellTicketNumber('c7')).toBe('xê bảy');
  });

  test('skips separators', () => {
    expect(spellTicketNumber('A-015')).toBe('a không một năm');
  });
});

describe('callSentence()', () => {
  const template = MESSAGES.vi['display.callSentence'];

  test('spells the call sentence from the brief', () => {
    expect(callSentence(template, '1015', 3)).toBe(
      'Xin mời công dân có số thứ tự một không một năm đến quầy số ba',
    );
  });

  test('says the counter number as a word and the ticket digit by digit', () => {
    expect(callSentence(template, 'A025', 25)).toBe(
      'Xin mời công dân có số thứ tự a không hai năm đến quầy số hai mươi lăm',
    );
  });

  test('returns NFC text', () => {
    const sentence = callSentence(template, 'A014', 24);
    expect(sentence).toBe(sentence.normalize('NFC'));
  });
});
