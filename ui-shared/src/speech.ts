/**
 * Spelling a call out: as clip ids for the display's recorded voice (`callClipIds`, from
 * the contract), and in Vietnamese words for a speech engine. Engines read numerals
 * wrongly (espeak says 15 as "mười năm"), so numbers never reach them as digits.
 * Pure: no DOM, no React, no Vite-only imports.
 */

import { DIGIT_WORDS, LETTER_WORDS, numberToWords } from './voice-contract';

export { callClipIds, numberToWords } from './voice-contract';

/** How a letter of a ticket prefix is read aloud: the clip set's names, and the letters with marks. */
const LETTERS: Readonly<Record<string, string>> = {
  ...LETTER_WORDS,
  Ă: 'á',
  Â: 'ớ',
  Đ: 'đê',
  Ê: 'ê',
  Ô: 'ô',
  Ơ: 'ơ',
  Ư: 'ư',
};

function digitWord(d: number): string {
  return DIGIT_WORDS[d] ?? '';
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
