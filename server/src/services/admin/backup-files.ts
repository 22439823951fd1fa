import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../contract/backups';

/**
 * A backup's file name: `luot-<UTC instant to the second>[-auto][-<n>].sqlite`, e.g.
 * `luot-2026-12-04T230000Z.sqlite` (an admin's) or `luot-2026-12-04T190000Z-auto.sqlite`
 * (the daily one); `-2`, `-3`… when one of the same second exists. Nothing else in the
 * folder is a backup, and no name outside this pattern is ever opened: no traversal.
 */
export const BACKUP_NAME =
  /^luot-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})Z(-auto)?(?:-([2-9]|[1-9]\d{1,3}))?\.sqlite$/;

/** A backup being written; never listed, removed on failure and at the next backup. */
export const PARTIAL_SUFFIX = '.partial';

/** What a valid name says: when it was taken, by whom, and its place among same-second ones. */
export interface ParsedName {
  at: number;
  automatic: boolean;
  sequence: number;
}

/** Reads a backup name, or null when it is not one. */
export function parseBackupName(name: string): ParsedName | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, auto, sequence] = match;
  const at = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  // 2026-02-30 parses to March: such a name was never written by us.
  if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== `${year}-${month}-${day}`) {
    return null;
  }
  return { at, automatic: auto !== undefined, sequence: sequence ? Number(sequence) : 1 };
}

/** `luot-2026-12-04T230000Z[-auto][-n].sqlite` for an instant. */
export function backupName(at: number, automatic: boolean, sequence = 1): string {
  const stamp = new Date(at).toISOString().replace(/[:-]|\.\d{3}/g, '');
  const date = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`;
  return `luot-${date}${stamp.slice(8)}${automatic ? '-auto' : ''}${sequence > 1 ? `-${sequence}` : ''}.sqlite`;
}

/** The first name for `at` not taken in `dir`. */
export function freeBackupName(dir: string, at: number, automatic: boolean): string {
  for (let sequence = 1; sequence <= 9999; sequence += 1) {
    const name = backupName(at, automatic, sequence);
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
  throw new Error(`No free backup name for ${new Date(at).toISOString()}`);
}

/** The backups in `dir`, newest first; an absent folder holds none. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: (BackupInfo & ParsedName)[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const stat = fs.statSync(path.join(dir, name), { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    found.push({ ...parsed, name, size: stat.size, createdAt: new Date(parsed.at).toISOString() });
  }
  found.sort((a, b) => b.at - a.at || b.sequence - a.sequence);
  return found.map(({ name, size, createdAt, automatic }) => ({
    name,
    size,
    createdAt,
    automatic,
  }));
}
