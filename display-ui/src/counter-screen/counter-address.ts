/**
 * The counter id in a counter screen's address, `/display/counter/<id>` (anything after it
 * is ignored), or null when the address names no counter.
 */
export function counterIdFromPath(pathname: string): number | null {
  const match = /^\/display\/counter\/([1-9][0-9]{0,8})(?:\/|$)/.exec(pathname);
  return match?.[1] ? Number(match[1]) : null;
}

/**
 * Initials for a clerk's avatar: the first letters of the family name and of the given
 * name ("Nguyễn Văn An" → "NA"), or of the one word there is.
 */
export function initialsOf(displayName: string): string {
  const words = displayName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  const picked = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return picked
    .map((word) => [...(word ?? '')][0] ?? '')
    .join('')
    .toLocaleUpperCase('vi');
}
