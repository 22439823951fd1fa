/** One backup file in `LUOT_DATA_DIR/backups`, as `GET /api/backups` lists it. */
export interface BackupInfo {
  /** The file name, e.g. `luot-2026-12-04T230000Z.sqlite`; what `GET /api/backups/:name` takes. */
  name: string;
  /** Bytes on disk. */
  size: number;
  /** When it was taken (ISO 8601, UTC), read from its name. */
  createdAt: string;
  /** Taken by the daily schedule (kept by `LUOT_BACKUP_KEEP`), or by an admin. */
  automatic: boolean;
}

/** `POST /api/backups` → 201. */
export interface BackupResponse {
  backup: BackupInfo;
}

/** `GET /api/backups`: newest first. */
export interface BackupListResponse {
  backups: BackupInfo[];
}
