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

/** How a letter of a ticket prefix is read aloud (Vietnamese letter names). */
export const LETTER_WORDS: Readonly<Record<string, string>> = {
  A: 'a',
  B: 'bê',
  C: 'xê',
  D: 'dê',
  E: 'e',
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
  P: 'pê',
  Q: 'quy',
  R: 'e rờ',
  S: 'ét',
  T: 'tê',
  U: 'u',
  V: 'vê',
  W: 'vê kép',
  X: 'ích',
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
