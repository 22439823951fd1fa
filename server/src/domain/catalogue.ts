import type { NumberRange } from '../contract/entities';

/** Longest code derived from a name, before a uniqueness suffix. */
const DERIVED_CODE_MAX = 12;

/**
 * A name without its diacritics, as ASCII letters and digits read it: "Đăng ký khai sinh"
 * → "Dang ky khai sinh". Đ/đ are letters of their own in Unicode, not D with a mark.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/**
 * The code a service gets when an admin gives none: the initials of its name's words,
 * folded to ASCII and uppercased ("Đăng ký khai sinh" → "DKKS"); "DV" (dịch vụ) when the
 * name has no letter or digit. `taken` says whether a code is in use: the first free of
 * CODE, CODE2, CODE3… is returned.
 */
export function deriveServiceCode(name: string, taken: (code: string) => boolean): string {
  const words = foldDiacritics(name)
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((word) => word !== '');
  // A number in the name ("Cấp đổi hộ chiếu 2024") is kept whole: its initial says little.
  const base =
    words
      .map((word) => (/^[0-9]+$/.test(word) ? word : word[0]))
      .join('')
      .slice(0, DERIVED_CODE_MAX) || 'DV';
  if (!taken(base)) return base;
  for (let n = 2; ; n += 1) {
    const code = `${base}${n}`;
    if (!taken(code)) return code;
  }
}

/** Whether two number ranges share a number; no range means every number from 1. */
export function rangesOverlap(a: NumberRange | null, b: NumberRange | null): boolean {
  if (a === null || b === null) return true;
  return a.from <= b.to && b.from <= a.to;
}

/** A service as the prefix rule reads it. */
export interface PrefixHolder {
  id: number;
  prefix: string;
  active: boolean;
  numberRange: NumberRange | null;
}

/**
 * The active service whose tickets could take the same numbers as `candidate`'s: the same
 * prefix with overlapping ranges (a service without a range takes every number). Two
 * services may share a prefix only when both have ranges that do not overlap.
 */
export function prefixClash(
  candidate: PrefixHolder,
  others: readonly PrefixHolder[],
): PrefixHolder | undefined {
  if (!candidate.active) return undefined;
  return others.find(
    (other) =>
      other.id !== candidate.id &&
      other.active &&
      other.prefix === candidate.prefix &&
      rangesOverlap(other.numberRange, candidate.numberRange),
  );
}
