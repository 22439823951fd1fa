import express, { type Request } from 'express';
import { z } from 'zod';
import type { ImportProblem } from '../../contract/config';
import { translate } from '../../contract/i18n';
import { DomainError } from '../../domain/errors';
import type { ImportIssue } from '../../services/admin/catalogue-apply';
import {
  CATALOGUE_FILE_TYPES,
  MAX_CATALOGUE_FILE_BYTES,
  XLSX_TYPE,
} from '../../services/admin/catalogue-file';
import { ImportGate } from '../../services/admin/import-gate';
import type { Clock } from '../../services/core/clock';
import type { Services } from '../../services/create-services';
import { languageOf } from '../errors';
import { largeJsonBody } from '../json-body';
import { route, type ApiRoute } from '../route-table';
import { catalogueCall } from './service-routes';
import { adminActor } from './staff-routes';

/** Largest configuration document: a 2,000-service catalogue and a 512 kB logo fit. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/** A catalogue file's raw bytes, read only for an admin (the guard runs after the permission). */
const fileBody = express.raw({
  type: [...CATALOGUE_FILE_TYPES],
  limit: MAX_CATALOGUE_FILE_BYTES,
  inflate: false,
});

const importQuery = z.object({ replace: z.enum(['true', 'false']).optional() }).strict();

/** The centre's local date, for a download's name. */
function localDate(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);
}

/**
 * Words each refused row of an `import_failed` in the reader's language (`import.row.<code>`),
 * keeping the validator's own words as `detail`.
 */
async function wordingProblems<T>(req: Request, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'import_failed') throw error;
    const lang = languageOf(req.get('accept-language'));
    const rows = (error.details?.rows ?? []) as ImportIssue[];
    const worded: ImportProblem[] = rows.map((issue) => ({
      ...issue,
      message: translate(lang, `import.row.${issue.code}`),
    }));
    throw new DomainError('import_failed', error.message, { rows: worded });
  }
}

/**
 * The configuration out and in: the whole of it as JSON (supervisors export, admins
 * import), and the service catalogue as an Excel or CSV sheet.
 */
export function configRoutes(
  { configIo, catalogueFile, settings }: Services,
  clock: Clock,
): ApiRoute[] {
  // One import at a time, of either kind: a second one meanwhile gets 429 rate_limited.
  const imports = new ImportGate();
  return [
    route({
      method: 'GET',
      path: '/api/config/export',
      permission: 'config:export',
      handler: ({ req, res }) => {
        const config = configIo.exportConfig(adminActor(req, res));
        const day = localDate(Date.parse(config.exportedAt), settings.centreInfo().timeZone);
        res.setHeader('Content-Disposition', `attachment; filename="luot-config-${day}.json"`);
        res.setHeader('Cache-Control', 'no-store');
        res.json(config);
      },
    }),
    route({
      method: 'POST',
      path: '/api/config/import',
      permission: 'config:import',
      guards: [largeJsonBody(MAX_CONFIG_BYTES)],
      query: importQuery,
      handler: async ({ req, res, query }) => {
        const result = await imports.run(() =>
          wordingProblems(req, () =>
            configIo.importConfig(req.body, query.replace === 'true', catalogueCall(req, res)),
          ),
        );
        res.json(result);
      },
    }),
    route({
      method: 'GET',
      path: '/api/services/export.xlsx',
      permission: 'catalogue:read',
      handler: async ({ res }) => {
        const bytes = await catalogueFile.exportXlsx();
        const day = localDate(clock.now(), settings.centreInfo().timeZone);
        res.setHeader('Content-Disposition', `attachment; filename="luot-services-${day}.xlsx"`);
        res.setHeader('Content-Type', XLSX_TYPE);
        res.setHeader('Cache-Control', 'no-store');
        res.send(bytes);
      },
    }),
    route({
      method: 'POST',
      path: '/api/services/import',
      permission: 'config:import',
      guards: [fileBody],
      handler: async ({ req, res }) => {
        const body: unknown = req.body;
        if (!Buffer.isBuffer(body) || body.byteLength === 0) {
          throw new DomainError('unsupported_file', 'Send the XLSX or CSV file as the body');
        }
        const type = req.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
        const result = await imports.run(() =>
          wordingProblems(req, () => catalogueFile.importFile(body, type, catalogueCall(req, res))),
        );
        res.json(result);
      },
    }),
  ];
}
