import {
  CUSTOM_CLIP_ID,
  DIGIT_WORDS,
  MAX_COUNTER_CLIP,
  VOICE_CLIPS,
  VOICE_PHRASES,
  callClipIds,
  numberToWords,
} from '../../../server/src/contract/voice';
import { DEFAULT_VOICE } from '../../../server/src/contract/settings';

/** Counters 1–40 as a careful Vietnamese speaker says them. */
const COUNTER_WORDS: Array<[number, string]> = [
  [1, 'một'],
  [2, 'hai'],
  [3, 'ba'],
  [4, 'bốn'],
  [5, 'năm'],
  [6, 'sáu'],
  [7, 'bảy'],
  [8, 'tám'],
  [9, 'chín'],
  [10, 'mười'],
  [11, 'mười một'],
  [12, 'mười hai'],
  [13, 'mười ba'],
  [14, 'mười bốn'],
  [15, 'mười lăm'],
  [16, 'mười sáu'],
  [17, 'mười bảy'],
  [18, 'mười tám'],
  [19, 'mười chín'],
  [20, 'hai mươi'],
  [21, 'hai mươi mốt'],
  [22, 'hai mươi hai'],
  [23, 'hai mươi ba'],
  [24, 'hai mươi tư'],
  [25, 'hai mươi lăm'],
  [26, 'hai mươi sáu'],
  [27, 'hai mươi bảy'],
  [28, 'hai mươi tám'],
  [29, 'hai mươi chín'],
  [30, 'ba mươi'],
  [31, 'ba mươi mốt'],
  [32, 'ba mươi hai'],
  [33, 'ba mươi ba'],
  [34, 'ba mươi tư'],
  [35, 'ba mươi lăm'],
  [36, 'ba mươi sáu'],
  [37, 'ba mươi bảy'],
  [38, 'ba mươi tám'],
  [39, 'ba mươi chín'],
  [40, 'bốn mươi'],
];

const textOf = (id: string) => VOICE_CLIPS.find((clip) => clip.id === id)?.text;

describe('the clip set', () => {
  test.each(COUNTER_WORDS)('counter-%i says "%s"', (n, words) => {
    expect(numberToWords(n)).toBe(words);
    expect(textOf(`counter-${n}`)).toBe(words);
  });

  test.each([
    [0, 'không'],
    [1, 'một'],
    [4, 'bốn'],
    [5, 'năm'],
    [7, 'bảy'],
    [9, 'chín'],
  ])('digit-%i says "%s" (5 stays năm on its own)', (d, word) => {
    expect(textOf(`digit-${d}`)).toBe(word);
  });

  test('holds every phrase, ten digits, 26 letters and counters 1–40, each id once', () => {
    const ids = VOICE_CLIPS.map((clip) => clip.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(
      Object.keys(VOICE_PHRASES).length + DIGIT_WORDS.length + 26 + MAX_COUNTER_CLIP,
    );
    for (const id of ids) expect(id).toMatch(CUSTOM_CLIP_ID);
    expect(textOf('letter-a')).toBe('a');
    expect(textOf('letter-z')).toBe('dét');
  });

  test('every text is NFC with its diacritics', () => {
    for (const clip of VOICE_CLIPS) expect(clip.text).toBe(clip.text.normalize('NFC'));
    expect(textOf('phrase-invite')).toBe('Xin mời công dân có số thứ tự');
  });
});

describe('callClipIds()', () => {
  test('spells A015 to counter 15 with the default template', () => {
    expect(callClipIds(DEFAULT_VOICE.template, 'A015', 15)).toEqual([
      'phrase-invite',
      'letter-a',
      'digit-0',
      'digit-1',
      'digit-5',
      'phrase-to-counter',
      'counter-15',
    ]);
  });

  test('reads an all-digit number digit by digit', () => {
    expect(callClipIds(DEFAULT_VOICE.template, '1015', 3)).toEqual([
      'phrase-invite',
      'digit-1',
      'digit-0',
      'digit-1',
      'digit-5',
      'phrase-to-counter',
      'counter-3',
    ]);
  });

  test('reads counters past 40 digit by digit', () => {
    expect(callClipIds(DEFAULT_VOICE.template, 'B2', 41).slice(-2)).toEqual(['digit-4', 'digit-1']);
    expect(callClipIds(DEFAULT_VOICE.template, 'B2', 40).at(-1)).toBe('counter-40');
  });

  test("plays a centre's own counter-41… clip when it has one", () => {
    expect(callClipIds(DEFAULT_VOICE.template, 'B2', 41, true).slice(-2)).toEqual([
      'phrase-to-counter',
      'counter-41',
    ]);
    expect(callClipIds(DEFAULT_VOICE.template, 'B2', 120, true).at(-1)).toBe('counter-120');
    // Up to 40 the clip is always there; a number that is not a counter stays digits.
    expect(callClipIds(DEFAULT_VOICE.template, 'B2', 7, false).at(-1)).toBe('counter-7');
    expect(callClipIds(DEFAULT_VOICE.template, 'B2', 0, true).at(-1)).toBe('digit-0');
  });

  test("plays another template's phrases and a centre's own {clip:…}", () => {
    expect(callClipIds('{clip:chuong} Xin mời số {number} đến quầy {counter}', 'c7', 2)).toEqual([
      'chuong',
      'phrase-invite-number',
      'letter-c',
      'digit-7',
      'phrase-to-counter-short',
      'counter-2',
    ]);
  });

  test('falls back to the default sentence for a template no clip can say', () => {
    expect(callClipIds('Mời {number} tới {counter}', 'A1', 1)).toEqual(
      callClipIds(DEFAULT_VOICE.template, 'A1', 1),
    );
  });

  test('skips characters with no clip', () => {
    expect(callClipIds(DEFAULT_VOICE.template, 'Đ-01', 1).slice(1, 3)).toEqual([
      'digit-0',
      'digit-1',
    ]);
  });
});
