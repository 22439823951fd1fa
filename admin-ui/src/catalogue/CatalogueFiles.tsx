import { useState } from 'react';
import { ApiRequestError } from '@luot/ui-shared/api';
import type { MessageKey } from '@luot/contract';
import { useI18n, type Translate } from '@luot/ui-shared/use-i18n';
import { ErrorAlert, Notice, useAction } from '../form';
import {
  ImportRefused,
  downloadCatalogue,
  importCounts,
  uploadCatalogue,
  type ImportRowError,
} from './catalogue-file';

/** An endpoint this server does not have (an older version): said, not shown as a fault. */
function missing(error: unknown): boolean {
  return (
    error instanceof ApiRequestError &&
    error.status === 404 &&
    (error.code === 'not_found' || error.code === 'internal_error')
  );
}

/** Problems whose `detail` names a service code, shown with the row. */
const CODE_DETAILS = new Set(['prefix_taken', 'duplicate', 'unknown_service']);

/** A refused row in the page language: its code's message when the screen knows it. */
function rowText(t: Translate, r: ImportRowError): string {
  const key = `import.row.${r.code ?? ''}` as MessageKey;
  const known = r.code !== undefined ? t(key) : key;
  const said = known !== key ? known : r.message;
  // A code the row clashes with or repeats; other details are the validator's English words.
  const message =
    r.detail !== undefined && CODE_DETAILS.has(r.code ?? '')
      ? t('admin.services.rowDetail', { message: said, detail: r.detail })
      : said;
  if (r.row === null) return `${r.column ?? ''}: ${message}`;
  return r.column
    ? t('admin.services.rowColumnError', { row: r.row, column: r.column, message })
    : t('admin.services.rowError', { row: r.row, message });
}

/**
 * "Xuất Excel" and "Nhập từ Excel/CSV": the catalogue as a spreadsheet, both ways; export
 * only unless `canImport` (admins: `catalogue:write`).
 */
export function CatalogueFiles({
  canImport,
  onImported,
}: {
  canImport: boolean;
  onImported: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [rows, setRows] = useState<ImportRowError[]>([]);
  const [inputKey, setInputKey] = useState(0);

  const run = (work: () => Promise<string | null>) =>
    void action.run(async () => {
      setNotice(null);
      setRows([]);
      try {
        setNotice(await work());
      } catch (error) {
        if (missing(error)) throw t('admin.services.fileUnavailable');
        if (error instanceof ImportRefused) setRows(error.rows);
        throw error;
      }
    });

  return (
    <div className="catalogue-files" data-testid="catalogue-files">
      <button
        type="button"
        className="btn btn-secondary"
        data-testid="services-export"
        disabled={action.pending}
        onClick={() =>
          run(async () => {
            await downloadCatalogue();
            return null;
          })
        }
      >
        {t('admin.services.export')}
      </button>
      {canImport && (
        <label className="btn btn-secondary file-button">
          {t('admin.services.import')}
          <input
            key={inputKey}
            type="file"
            data-testid="services-import"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={action.pending}
            onChange={(e) => {
              const file = e.target.files?.[0];
              setInputKey((k) => k + 1);
              if (!file) return;
              run(async () => {
                const answer = await uploadCatalogue(file);
                onImported();
                const counts = importCounts(answer);
                return counts
                  ? t('admin.services.imported', counts)
                  : t('admin.services.importedFile', { name: file.name });
              });
            }}
          />
        </label>
      )}
      <ErrorAlert error={action.error} testId="import-error" />
      {rows.length > 0 && (
        <ul className="import-rows" data-testid="import-rows">
          {rows.map((r, i) => (
            <li key={i}>{rowText(t, r)}</li>
          ))}
        </ul>
      )}
      <Notice testId="import-notice">{notice}</Notice>
    </div>
  );
}
