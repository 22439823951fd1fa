/**
 * Search that ignores Vietnamese diacritics and letter case, for screens where visitors type
 * on a plain A–Z keyboard (the kiosk has no Telex): "dang ky kinh doanh" finds "Đăng ký kinh
 * doanh", "dd" finds "Đất đai".
 */

/** Combining marks left by NFD: the tones and the hats of â, ă, ê, ô, ơ, ư. */
const MARKS = /\p{M}+/gu;
/** What separates words: anything but letters and digits (spaces, dashes, slashes, …). */
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/**
 * Text as a visitor without diacritics would type it: marks dropped, đ/Đ read as d, lower
 * case, every run of spaces and punctuation one space, trimmed.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(SEPARATORS)
    .filter((word) => word !== '')
    .join(' ');
}

/** The folded words of a text, in order. */
export function foldWords(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}

/** How well a query fits a text: smaller is better; null when it does not match. */
export type MatchRank = 0 | 1 | 2 | null;

/**
 * Whether (and how well) a query matches one text:
 * 0 — each query word starts the text's words one after the other from its first word
 *     ("dang ky" in "Đăng ký kinh doanh", or a code typed in full);
 * 1 — the query, spaces ignored, is the initials of consecutive words ("dd": "Đất đai");
 * 2 — each query word starts one of the text's words, in order, gaps allowed
 *     ("kinh doanh" in "Đăng ký kinh doanh", "ho khau" in "Hộ tịch – khai sinh, hộ khẩu").
 * An empty query matches nothing.
 */
export function matchRank(query: string, text: string): MatchRank {
  const asked = foldWords(query);
  const words = foldWords(text);
  if (asked.length === 0 || words.length === 0) return null;
  if (asked.every((word, i) => words[i]?.startsWith(word))) return 0;
  if (isInitials(asked.join(''), words)) return 1;
  return prefixesInOrder(asked, words) ? 2 : null;
}

/** Whether `letters` (two or more) are the first letters of consecutive words. */
function isInitials(letters: string, words: string[]): boolean {
  if (letters.length < 2 || letters.length > words.length) return false;
  const initials = words.map((word) => word[0]).join('');
  return initials.includes(letters);
}

/** Whether each asked word starts a later word than the one before it. */
function prefixesInOrder(asked: string[], words: string[]): boolean {
  let from = 0;
  for (const word of asked) {
    const at = words.findIndex((candidate, i) => i >= from && candidate.startsWith(word));
    if (at === -1) return false;
    from = at + 1;
  }
  return true;
}

/**
 * The best rank of a query over several texts of one item (its Vietnamese and English names,
 * its code, the names of its groups); null when none matches.
 */
export function bestRank(query: string, texts: readonly string[]): MatchRank {
  let best: MatchRank = null;
  for (const text of texts) {
    const rank = matchRank(query, text);
    if (rank !== null && (best === null || rank < best)) best = rank;
  }
  return best;
}

/**
 * The items that match a query, best first; among equals, in the order given. `textsOf`
 * lists the texts an item can be found by.
 */
export function searchItems<T>(
  query: string,
  items: readonly T[],
  textsOf: (item: T) => readonly string[],
): T[] {
  return items
    .map((item, index) => ({ item, index, rank: bestRank(query, textsOf(item)) }))
    .filter((hit): hit is { item: T; index: number; rank: 0 | 1 | 2 } => hit.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((hit) => hit.item);
}
