import { useI18n } from '@luot/ui-shared/use-i18n';

/** Big previous / next buttons with where the visitor is between them. */
export default function Pager({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  return (
    <nav className="pager" aria-label={t('kiosk.page', { page: page + 1, pages })}>
      <button
        type="button"
        className="btn btn-secondary pager-button"
        data-testid="page-prev"
        disabled={page === 0}
        onClick={() => onPage(page - 1)}
      >
        <span aria-hidden="true">‹ </span>
        {t('kiosk.pagePrev')}
      </button>
      <p className="pager-where" data-testid="page-indicator" aria-live="polite">
        {t('kiosk.page', { page: page + 1, pages })}
      </p>
      <button
        type="button"
        className="btn pager-button"
        data-testid="page-next"
        disabled={page === pages - 1}
        onClick={() => onPage(page + 1)}
      >
        {t('kiosk.pageNext')}
        <span aria-hidden="true"> ›</span>
      </button>
    </nav>
  );
}
