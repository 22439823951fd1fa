/**
 * Spelling a call out in Vietnamese words for a speech engine. Engines read numerals
 * wrongly (espeak says 15 as "mười năm"), so numbers never reach them as digits.
 * Pure: no DOM, no React, no Vite-only imports.
 */

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
  F: 'ép',
  G: 'giê',
  H: 'hát',
  I: 'i',
  J: 'gi',
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
  S: 'ét',
  T: 'tê',
  U: 'u',
  Ư: 'ư',
  V: 'vê',
  W: 'vê kép',
  X: 'ích',
  Y: 'i dài',
  Z: 'dét',
};

function digitWord(d: number): string {
  return DIGITS[d] ?? '';
}

/** Words for 0–99 as they follow a hundreds word ("lẻ"-style filling is done by the caller). */
function tensAndUnits(n: number): string {
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) return digitWord(units);
  const head = tens === 1 ? 'mười' : `${digitWord(tens)} mươi`;
  if (units === 0) return head;
  if (units === 5) return `${head} lăm`;
  if (units === 1 && tens >= 2) return `${head} mốt`;
  if (units === 4 && tens >= 2) return `${head} tư`;
  return `${head} ${digitWord(units)}`;
}

/**
 * A whole number 0–999 in Vietnamese words: 15 "mười lăm", 21 "hai mươi mốt",
 * 24 "hai mươi tư", 105 "một trăm linh năm". Larger numbers are read digit by digit.
 */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Not a whole number: ${n}`);
  if (n >= 1000) return spellDigits(String(n));
  if (n < 100) return tensAndUnits(n);
  const hundreds = `${digitWord(Math.floor(n / 100))} trăm`;
  const rest = n % 100;
  if (rest === 0) return hundreds;
  if (rest < 10) return `${hundreds} linh ${digitWord(rest)}`;
  return `${hundreds} ${tensAndUnits(rest)}`;
}

/** Each digit of a string as its own word; other characters are skipped. */
function spellDigits(text: string): string {
  return [...text]
    .filter((c) => c >= '0' && c <= '9')
    .map((c) => digitWord(Number(c)))
    .join(' ');
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
