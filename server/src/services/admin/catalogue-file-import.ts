import { createHash } from 'node:crypto';
import type { ImportResult } from '../../contract/config';
import { deriveServiceCode } from '../../domain/catalogue';
import type { Repos } from '../../storage/repos';
import type { CommandRunner } from '../core/command-runner';
import type { QueueReader } from '../queue/queue-reader';
import { CatalogueApply, importFailed, type ImportIssue } from './catalogue-apply';
import { readCatalogueFile } from './catalogue-file';
import { catalogueWorkbook, readSheet, SHEET_COLUMNS, type SheetService } from './catalogue-sheet';
import { emitCatalogue, type CatalogueCall } from './catalogue-views';
import { MAX_LISTED_PROBLEMS } from './config-io-checks';

/** A new service's target wait when its row leaves the cell empty (the API's default). */
const DEFAULT_TARGET_WAIT_MINUTES = 15;

/**
 * The service catalogue as a spreadsheet: `GET /api/services/export.xlsx` writes it,
 * `POST /api/services/import` reads it back (XLSX or CSV, the same columns). The import
 * creates or updates services by code and kiosk menu headings by name, leaves services the
 * file does not list as they are, and writes every row in one command or none.
 */
export class CatalogueFile {
  constructor(
    private readonly repos: Repos,
    private readonly runner: CommandRunner,
    private readonly reader: QueueReader,
  ) {}

  /** Every service, inactive ones too, in the sheet's columns. */
  exportXlsx(): Promise<Buffer> {
    return catalogueWorkbook(this.repos.services.listAll(), this.repos.serviceGroups.listAll());
  }

  /**
   * Reads a file and writes its services: `unsupported_file` when it cannot be read,
   * `import_failed` with each refused row (and nothing written) when any row is wrong.
   */
  async importFile(bytes: Buffer, contentType: string, call: CatalogueCall): Promise<ImportResult> {
    const cells = await readCatalogueFile(bytes, contentType);
    const { services, problems } = readSheet(cells);
    if (problems.length > 0) throw importFailed(problems.slice(0, MAX_LISTED_PROBLEMS));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return this.runner.run(
      {
        scope: `services:import:staff:${call.actor.staffId}`,
        idempotencyKey: call.idempotencyKey,
        request: { sha256 },
      },
      (context) => {
        const apply = new CatalogueApply(this.repos, context.at);
        const written = this.write(apply, services);
        const clashes = apply.prefixClashes([...written.keys()]);
        if (clashes.length > 0) {
          const prefix = SHEET_COLUMNS.find((c) => c.key === 'prefix')!.header;
          throw importFailed(
            clashes.slice(0, MAX_LISTED_PROBLEMS).map(({ code, other }): ImportIssue => ({
              row: written.get(code)!,
              column: prefix,
              code: 'prefix_taken',
              detail: other,
            })),
          );
        }
        const result: ImportResult = {
          services: apply.services,
          serviceGroups: apply.serviceGroups,
          counters: apply.counters,
        };
        const who = { staffId: call.actor.staffId, username: null, ip: call.ip };
        const details = { ...apply.auditDetails(), sha256 };
        context.audit('services.import', who, 'catalogue:services', details);
        emitCatalogue(context, this.reader);
        return result;
      },
    ).value;
  }

  /** Writes each row's service; answers each code written with its row. */
  private write(apply: CatalogueApply, services: readonly SheetService[]): Map<string, number> {
    const { services: repo } = this.repos;
    const listed = new Set(services.flatMap((s) => (s.code === null ? [] : [s.code])));
    const written = new Map<string, number>();
    const problems: ImportIssue[] = [];
    const codeColumn = SHEET_COLUMNS.find((c) => c.key === 'code')!.header;
    const stored = repo.listAll();
    let nextOrder = stored.reduce((max, s) => Math.max(max, s.sortOrder + 1), 0);
    const codeByName = new Map(
      stored.filter((s) => !listed.has(s.code)).map((s) => [s.name, s.code] as const),
    );
    for (const s of services) {
      // A row without a code is the service of the same name, or a new one with a derived code.
      const code =
        s.code ??
        codeByName.get(s.name) ??
        deriveServiceCode(s.name, (c) => listed.has(c) || written.has(c) || !!repo.byCode(c));
      if (written.has(code)) {
        problems.push({ row: s.row, column: codeColumn, code: 'duplicate', detail: code });
        continue;
      }
      const existing = repo.byCode(code);
      const fieldId = s.field === null ? null : apply.group(null, s.field);
      const groupId = s.group === null ? fieldId : apply.group(fieldId, s.group);
      apply.service({
        code,
        name: s.name,
        nameEn: s.nameEn,
        prefix: s.prefix,
        groupId,
        numberRange: s.numberRange,
        targetWaitMinutes:
          s.targetWaitMinutes ?? existing?.targetWaitMinutes ?? DEFAULT_TARGET_WAIT_MINUTES,
        dailyCap: s.dailyCap,
        cutoffMinutes: s.cutOff,
        active: s.active,
        sortOrder: s.sortOrder ?? existing?.sortOrder ?? nextOrder++,
      });
      written.set(code, s.row);
    }
    if (problems.length > 0) throw importFailed(problems.slice(0, MAX_LISTED_PROBLEMS));
    return written;
  }
}
