import fs from 'node:fs';
import type { BackupListResponse } from '../../contract/backups';
import { emptySchema } from '../../contract/admin-schemas';
import type { BackupService } from '../../services/admin/backup-service';
import { route, type ApiRoute } from '../route-table';
import { orEmpty, idempotencyKey } from '../validation';
import { adminActor } from './staff-routes';

/** Backups of the database, for admins: take one now, list them, download one. */
export function backupRoutes(backups: BackupService): ApiRoute[] {
  return [
    route({
      method: 'POST',
      path: '/api/backups',
      permission: 'backups:manage',
      body: orEmpty(emptySchema),
      handler: async ({ req, res }) => {
        const body = await backups.create(adminActor(req, res), {
          idempotencyKey: idempotencyKey(req),
        });
        res.status(201).json(body);
      },
    }),
    route({
      method: 'GET',
      path: '/api/backups',
      permission: 'backups:manage',
      handler: ({ res }) => {
        const body: BackupListResponse = { backups: backups.list() };
        res.json(body);
      },
    }),
    route({
      method: 'GET',
      path: '/api/backups/:name',
      permission: 'backups:manage',
      // Only a name of the backup pattern that is listed is opened: `../luot.db` is not found.
      params: (req) => String(req.params.name),
      handler: ({ req, res, params: name }) => {
        // Audited before the first byte leaves.
        const found = backups.download(name, adminActor(req, res));
        // attachment() guesses a type from the extension: set ours after it.
        res.attachment(found.info.name);
        res.setHeader('Content-Type', 'application/vnd.sqlite3');
        res.setHeader('Content-Length', String(found.info.size));
        res.setHeader('Cache-Control', 'no-store');
        const stream = fs.createReadStream(found.path);
        stream.on('error', () => res.destroy());
        stream.pipe(res);
      },
    }),
  ];
}
