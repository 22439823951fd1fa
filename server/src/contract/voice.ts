/**
 * The clip set a hall display speaks calls with, and the call template's grammar. Pure:
 * the server validates templates with it, the display plays from it and the clip script
 * (scripts/voice/) makes one audio file per entry. See docs/voice.md.
 */

/** Digits as read one by one (a ticket number's digits: 5 stays "năm"). */
export const DIGIT_WORDS = [
  'không',
  'một',
  'hai',
  'ba',
  'bốn',
  'năm',
  'sáu',
  'bảy',
  'tám',
  'chín',
] as const;

/**
 * How a letter of a ticket prefix is read aloud: the names Vietnamese say when spelling
 * aloud. F, J, S and X take their long spoken forms ("ép phờ", "giây", "ét xì", "ích xì"):
 * the bare "ép", "gi", "ét", "ích" are under 150 ms in espeak's voice, too short to hear
 * in a hall (test/unit/voice/clip-durations.test.ts).
 */
export const LETTER_WORDS: Readonly<Record<string, string>> = {
  A: 'a',
  B: 'bê',
  C: 'xê',
  D: 'dê',
  E: 'e',
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
  P: 'pê',
  Q: 'quy',
  R: 'e rờ',
  S: 'ét xì',
  T: 'tê',
  U: 'u',
  V: 'vê',
  W: 'vê kép',
  X: 'ích xì',
  Y: 'i dài',
  Z: 'dét',
};

/** Phrases the template may use between its placeholders, by clip id. */
export const VOICE_PHRASES: Readonly<Record<string, string>> = {
  'phrase-invite': 'Xin mời công dân có số thứ tự',
  'phrase-to-counter': 'đến quầy số',
  'phrase-invite-guest': 'Xin mời quý khách có số thứ tự',
  'phrase-invite-number': 'Xin mời số',
  'phrase-to-counter-short': 'đến quầy',
};

/** Counters spoken as one clip each; higher numbers are read digit by digit. */
export const MAX_COUNTER_CLIP = 40;

/** The call sentence a display falls back to when a template cannot be played. */
export const FALLBACK_TEMPLATE = 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}';

const digitWord = (digit: number): string => DIGIT_WORDS[digit] ?? '';

/** Words for 0–99; 15 "mười lăm", 21 "hai mươi mốt", 24 "hai mươi tư". */
function tensAndUnits(n: number): string {
  const tens = Math.floor(n / 10);
  const units = n % 10;
  const unit = digitWord(units);
  if (tens === 0) return unit;
  const head = tens === 1 ? 'mười' : `${digitWord(tens)} mươi`;
  if (units === 0) return head;
  if (units === 5) return `${head} lăm`;
  if (units === 1 && tens >= 2) return `${head} mốt`;
  if (units === 4 && tens >= 2) return `${head} tư`;
  return `${head} ${unit}`;
}

/**
 * A whole number 0–999 in Vietnamese words: 15 "mười lăm", 21 "hai mươi mốt",
 * 24 "hai mươi tư", 105 "một trăm linh năm". From 1000 up it is read digit by digit.
 */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Not a whole number: ${n}`);
  if (n >= 1000) return [...String(n)].map((c) => digitWord(Number(c))).join(' ');
  if (n < 100) return tensAndUnits(n);
  const hundreds = `${digitWord(Math.floor(n / 100))} trăm`;
  const rest = n % 100;
  if (rest === 0) return hundreds;
  if (rest < 10) return `${hundreds} linh ${digitWord(rest)}`;
  return `${hundreds} ${tensAndUnits(rest)}`;
}

/** One recording of the clip set: its id (the file name without `.ogg`) and what it says. */
export interface VoiceClip {
  id: string;
  text: string;
}

/** The clip id of a digit 0–9 read on its own. */
export const digitClipId = (digit: number): string => `digit-${digit}`;

/** The clip id of a prefix letter A–Z. */
export const letterClipId = (letter: string): string => `letter-${letter.toLowerCase()}`;

/** The clip id of a counter number 1..MAX_COUNTER_CLIP said as words. */
export const counterClipId = (counter: number): string => `counter-${counter}`;

/**
 * Every clip of the default set, in a fixed order: the phrases, digits 0–9, letters A–Z,
 * counters 1–40 as words. The clip script, the display and docs/voice.md all read this list.
 */
export const VOICE_CLIPS: readonly VoiceClip[] = [
  ...Object.entries(VOICE_PHRASES).map(([id, text]) => ({ id, text })),
  ...DIGIT_WORDS.map((text, digit) => ({ id: digitClipId(digit), text })),
  ...Object.entries(LETTER_WORDS).map(([letter, text]) => ({ id: letterClipId(letter), text })),
  ...Array.from({ length: MAX_COUNTER_CLIP }, (_, i) => ({
    id: counterClipId(i + 1),
    text: numberToWords(i + 1),
  })),
];

/** One part of a parsed call template. */
export type TemplatePart = { kind: 'number' } | { kind: 'counter' } | { kind: 'clip'; id: string };

/** The shape of a centre's own clip id in `{clip:<id>}`. */
export const CUSTOM_CLIP_ID = /^[a-z0-9][a-z0-9-]{0,47}$/;

/** Text compared loosely: NFC, lower case, punctuation dropped, single spaces. */
export function phraseKey(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[.,;:!?…–—-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const PHRASE_BY_KEY = new Map(
  Object.entries(VOICE_PHRASES).map(([id, text]) => [phraseKey(text), id]),
);

/**
 * A template split into what a display plays, or why it cannot be: each stretch of text
 * between placeholders must be one of `VOICE_PHRASES` (compared by `phraseKey`), so that
 * every word has a clip. `{number}` and `{counter}` must each appear at least once.
 */
export function parseVoiceTemplate(
  template: string,
): { ok: true; parts: TemplatePart[] } | { ok: false; reason: string } {
  const parts: TemplatePart[] = [];
  const literal = (text: string): string | null => {
    const key = phraseKey(text);
    if (key === '') return null;
    const id = PHRASE_BY_KEY.get(key);
    if (id === undefined) return `no clip says "${text.trim()}"`;
    parts.push({ kind: 'clip', id });
    return null;
  };
  const placeholder = /\{([a-z]+)(?::([^}]*))?\}/g;
  let from = 0;
  for (const match of template.matchAll(placeholder)) {
    const problem = literal(template.slice(from, match.index));
    if (problem !== null) return { ok: false, reason: problem };
    const [whole, name, arg] = match;
    if (name === 'number' && arg === undefined) parts.push({ kind: 'number' });
    else if (name === 'counter' && arg === undefined) parts.push({ kind: 'counter' });
    else if (name === 'clip' && arg !== undefined && CUSTOM_CLIP_ID.test(arg))
      parts.push({ kind: 'clip', id: arg });
    else return { ok: false, reason: `unknown placeholder ${whole}` };
    from = match.index + whole.length;
  }
  const problem = literal(template.slice(from));
  if (problem !== null) return { ok: false, reason: problem };
  if (!parts.some((p) => p.kind === 'number')) return { ok: false, reason: 'no {number}' };
  if (!parts.some((p) => p.kind === 'counter')) return { ok: false, reason: 'no {counter}' };
  return { ok: true, parts };
}

/** The clips of a ticket number, one per character: "A015" → letter-a, digit-0, digit-1, digit-5. */
export function ticketNumberClipIds(ticketNumber: string): string[] {
  const ids: string[] = [];
  for (const ch of ticketNumber.normalize('NFC').toUpperCase()) {
    if (ch >= '0' && ch <= '9') ids.push(digitClipId(Number(ch)));
    else if (LETTER_WORDS[ch] !== undefined) ids.push(letterClipId(ch));
  }
  return ids;
}

/**
 * The clips of a counter number: one clip up to MAX_COUNTER_CLIP, digit by digit above,
 * unless `ownClip` says the centre recorded `counter-<n>` for it (its data folder).
 */
export function counterNumberClipIds(counter: number, ownClip = false): string[] {
  const whole = Number.isInteger(counter) && counter >= 1;
  if (whole && (counter <= MAX_COUNTER_CLIP || ownClip)) return [counterClipId(counter)];
  return [...String(Math.max(0, Math.trunc(counter)))].map((c) => digitClipId(Number(c)));
}

/**
 * The clips a display plays, in order, for one saying of a call: the template's phrases
 * by id, `{number}` character by character, `{counter}` as words (above MAX_COUNTER_CLIP
 * as the one clip `counter-<n>` when `ownCounterClip`, else digit by digit). A template
 * that cannot be played (it should never pass the settings schema) falls back to
 * FALLBACK_TEMPLATE.
 */
export function callClipIds(
  template: string,
  ticketNumber: string,
  counterNumber: number,
  ownCounterClip = false,
): string[] {
  let parsed = parseVoiceTemplate(template);
  if (!parsed.ok) parsed = parseVoiceTemplate(FALLBACK_TEMPLATE);
  if (!parsed.ok) throw new Error(`The fallback template does not parse: ${parsed.reason}`);
  return parsed.parts.flatMap((part) => {
    if (part.kind === 'number') return ticketNumberClipIds(ticketNumber);
    if (part.kind === 'counter') return counterNumberClipIds(counterNumber, ownCounterClip);
    return [part.id];
  });
}
