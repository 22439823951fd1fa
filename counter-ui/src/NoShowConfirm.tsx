import { useI18n } from '@luot/ui-shared/use-i18n';

interface Props {
  /** The number about to be marked absent. */
  number: string;
  /** Number-pad mode: the pad's − confirms too, so the hint names it. */
  numpad: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The no-show's second step, inline on the desk (never a browser `confirm()`): what to press,
 * and buttons for the mouse. Keys pressed on these buttons leave it standing (`data-confirm-area`).
 */
export function NoShowConfirm({ number, numpad, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  return (
    <div className="no-show-confirm" data-confirm-area="" data-testid="no-show-confirm">
      <p className="no-show-confirm-text" role="alert" data-testid="no-show-confirm-text">
        <strong>{number}</strong>{' '}
        {t(numpad ? 'counter.noShowConfirmPad' : 'counter.noShowConfirmKey')}
      </p>
      <button
        type="button"
        className="btn btn-danger"
        data-testid="no-show-confirm-yes"
        onClick={onConfirm}
      >
        {t('counter.noShowConfirmYes')}
      </button>
      <button
        type="button"
        className="btn btn-secondary"
        data-testid="no-show-confirm-no"
        onClick={onCancel}
      >
        {t('counter.noShowConfirmNo')}
      </button>
    </div>
  );
}
