import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '@luot/ui-shared/use-i18n';

interface Props {
  title: string;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}

/**
 * A modal over the desk (the browser's own `<dialog>`: focus stays inside, Escape
 * closes it). The parent shows it by rendering it and hides it by not rendering it.
 */
export function Dialog({ title, onClose, testId, children }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="dialog-close"
          onClick={onClose}
        >
          {t('app.close')}
        </button>
      </header>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
