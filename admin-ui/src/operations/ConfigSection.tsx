import { useEffect, useId, useRef, useState } from 'react';
import type { ImportResult, MessageKey } from '@luot/contract';
import { ApiRequestError } from '@luot/ui-shared/api';
import { useI18n, type Translate } from '@luot/ui-shared/use-i18n';
import { Check, ErrorAlert, Notice, useAction } from '../form';
import { ImportRefused, type ImportRowError } from '../catalogue/catalogue-file';
import { downloadConfig, uploadConfig } from './operations-api';

/** Problems whose `detail` is the value at fault (a repeated or unknown code, the other service's). */
const VALUE_DETAILS = new Set(['duplicate', 'prefix_taken', 'unknown_service']);

/**
 * A refused entry of the document: its path, why in the page language when known, and the
 * value it repeats or clashes with. Other details are the validator's English words.
 */
function problemText(t: Translate, problem: ImportRowError): string {
  const key = `import.row.${problem.code ?? ''}` as MessageKey;
  const known = problem.code !== undefined ? t(key) : key;
  const said = known !== key ? known : problem.message;
  const message =
    problem.detail !== undefined && VALUE_DETAILS.has(problem.code ?? '')
      ? t('admin.operations.problemDetail', { message: said, detail: problem.detail })
      : said;
  return problem.column
    ? t('admin.operations.problem', { path: problem.column, message })
    : message;
}

/** What an import did, one line for services, groups and counters. */
function resultLines(t: Translate, result: ImportResult): string[] {
  const parts: [MessageKey, ImportResult['services']][] = [
    ['admin.operations.whatServices', result.services],
    ['admin.operations.whatGroups', result.serviceGroups],
    ['admin.operations.whatCounters', result.counters],
  ];
  return parts.map(([what, counts]) =>
    t('admin.operations.importedLine', { what: t(what), ...counts }),
  );
}

/** "Xuất cấu hình" and "Nhập cấu hình": the centre's whole configuration as a JSON file. */
export function ConfigSection() {
  const { t } = useI18n();
  const action = useAction();
  const [replace, setReplace] = useState(false);
  const [confirming, setConfirming] = useState<File | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [lines, setLines] = useState<string[]>([]);
  const [problems, setProblems] = useState<ImportRowError[]>([]);
  const [inputKey, setInputKey] = useState(0);
  const hintId = useId();
  // What an import or export answered is brought into view: the page may be scrolled above it.
  const answerRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (action.error !== undefined || notice !== null) {
      answerRef.current?.scrollIntoView?.({ block: 'nearest' });
    }
  }, [action.error, notice, problems]);

  const start = () => {
    setNotice(null);
    setLines([]);
    setProblems([]);
  };

  const exportConfig = () =>
    void action.run(async () => {
      start();
      const name = await downloadConfig();
      setNotice(t('admin.operations.exported', { name }));
    });

  const importConfig = (file: File, withReplace: boolean) =>
    void action.run(async () => {
      start();
      try {
        const result = await uploadConfig(file, withReplace);
        setNotice(t('admin.operations.imported', { name: file.name }));
        setLines(resultLines(t, result));
        setReplace(false);
      } catch (error) {
        if (error instanceof ImportRefused) setProblems(error.rows);
        if (error instanceof ApiRequestError && error.code === 'invalid_json') {
          throw t('admin.operations.notJson');
        }
        throw error;
      }
    });

  return (
    <section className="admin-section" aria-labelledby="config-title" data-testid="config">
      <h3 id="config-title">{t('admin.operations.config')}</h3>
      <p className="muted">{t('admin.operations.configIntro')}</p>
      <p className="field-hint" id={hintId}>
        {t('admin.operations.importHint')}
      </p>
      <Check
        label={t('admin.operations.replace')}
        testId="config-replace"
        checked={replace}
        disabled={action.pending}
        onChange={setReplace}
      />
      <div className="operations-actions">
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="config-export"
          disabled={action.pending}
          onClick={exportConfig}
        >
          {t('admin.operations.export')}
        </button>
        <label className="btn file-button">
          {t('admin.operations.import')}
          <input
            key={inputKey}
            type="file"
            data-testid="config-import"
            accept=".json,application/json"
            aria-describedby={hintId}
            disabled={action.pending}
            onChange={(e) => {
              const file = e.target.files?.[0];
              setInputKey((k) => k + 1);
              if (!file) return;
              if (replace) setConfirming(file);
              else importConfig(file, false);
            }}
          />
        </label>
      </div>
      <div ref={answerRef}>
        <ErrorAlert error={action.error} testId="config-error" />
        {problems.length > 0 && (
          <ul className="operations-problems" data-testid="config-problems">
            {problems.map((problem, i) => (
              <li key={i}>{problemText(t, problem)}</li>
            ))}
          </ul>
        )}
        <Notice testId="config-notice">{notice}</Notice>
        {lines.length > 0 && (
          <ul className="operations-result" data-testid="config-result">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      {confirming && (
        <ConfirmReplace
          fileName={confirming.name}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const file = confirming;
            setConfirming(null);
            importConfig(file, true);
          }}
        />
      )}
    </section>
  );
}

/**
 * Asks before a file overwrites the centre's configuration (the browser's own modal
 * `<dialog>`: focus stays inside, Escape cancels).
 */
function ConfirmReplace({
  fileName,
  onCancel,
  onConfirm,
}: {
  fileName: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="operations-dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      data-testid="replace-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h3 id={titleId}>{t('admin.operations.confirmTitle')}</h3>
      <p id={textId}>{t('admin.operations.confirmText', { name: fileName })}</p>
      <div className="operations-actions">
        <button
          type="button"
          className="btn btn-danger"
          data-testid="replace-confirm"
          onClick={onConfirm}
        >
          {t('admin.operations.confirmReplace')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="replace-cancel"
          onClick={onCancel}
        >
          {t('admin.operations.cancel')}
        </button>
      </div>
    </dialog>
  );
}
