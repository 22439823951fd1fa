/**
 * Spelling a call out: as clip ids for the display's recorded voice (`callClipIds`, from
 * the contract), and in Vietnamese words for a speech engine. Engines read numerals
 * wrongly (espeak says 15 as "mười năm"), so numbers never reach them as digits.
 * Pure: no DOM, no React, no Vite-only imports.
 */

import { numberToWords } from './voice-contract';

export { callClipIds, numberToWords } from './voice-contract';

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** How a letter of a ticket prefix is read aloud (Vietnamese letter names). */
const LETTERS: Record<string, string> = {
  A: 'a',
  Ă: 'á',
  Â: 'ớ',
  B: 'bê',
  C: 'xê',
  D: 'dê',
  Đ: 'đê',
  E: 'e',
  Ê: 'ê',
  F: 'ép phờ',
  G: 'giê',
  H: 'hát',
  I: 'i',
  J: 'giây',
  K: 'ca',
  L: 'e lờ',
  M: 'em mờ',
  N: 'en nờ',
  O: 'o',
  Ô: 'ô',
  Ơ: 'ơ',
  P: 'pê',
  Q: 'quy',
  R: 'e rờ',
  S: 'ét xì',
  T: 'tê',
  U: 'u',
  Ư: 'ư',
  V: 'vê',
  W: 'vê kép',
  X: 'ích xì',
  Y: 'i dài',
  Z: 'dét',
};

function digitWord(d: number): string {
  return DIGITS[d] ?? '';
}

/**
 * A ticket number read character by character: "A015" → "a không một năm",
 * "1015" → "một không một năm". Letters are read by their Vietnamese names.
 */
export function spellTicketNumber(ticketNumber: string): string {
  const words: string[] = [];
  for (const ch of ticketNumber.normalize('NFC').toUpperCase()) {
    if (ch >= '0' && ch <= '9') words.push(digitWord(Number(ch)));
    else if (LETTERS[ch] !== undefined) words.push(LETTERS[ch]);
  }
  return words.join(' ');
}

/**
 * The sentence a hall screen speaks for a call, from the `display.callSentence`
 * template (with `{number}` and `{counter}` placeholders), all numbers in words.
 */
export function callSentence(
  template: string,
  ticketNumber: string,
  counterNumber: number,
): string {
  const params: Record<string, string> = {
    number: spellTicketNumber(ticketNumber),
    counter: numberToWords(counterNumber),
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
