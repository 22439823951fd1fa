import { useI18n } from '@luot/ui-shared/use-i18n';

/** What one catalogue row's edit, activate and delete buttons do. */
export interface RowActionHandlers {
  onEdit: () => void;
  onToggle: () => void;
  onDelete: () => void;
}

/**
 * A catalogue row's last three buttons (services, groups, counters alike): edit (open or
 * close the row's form), deactivate or activate, delete. Test ids are
 * `{kind}-edit-{key}`, `{kind}-active-{key}` and `{kind}-delete-{key}`.
 */
export function RowActions({
  kind,
  rowKey,
  editing,
  active,
  pending,
  on,
}: {
  kind: 'service' | 'group' | 'counter';
  rowKey: string | number;
  editing: boolean;
  active: boolean;
  pending: boolean;
  on: RowActionHandlers;
}) {
  const { t } = useI18n();
  return (
    <>
      <button
        type="button"
        className="btn btn-secondary btn-small"
        data-testid={`${kind}-edit-${rowKey}`}
        aria-expanded={editing}
        onClick={on.onEdit}
      >
        {t('admin.catalogue.edit')}
      </button>
      <button
        type="button"
        className="btn btn-secondary btn-small"
        data-testid={`${kind}-active-${rowKey}`}
        disabled={pending}
        onClick={on.onToggle}
      >
        {active ? t('admin.catalogue.deactivate') : t('admin.catalogue.activate')}
      </button>
      <button
        type="button"
        className="btn btn-danger btn-small"
        data-testid={`${kind}-delete-${rowKey}`}
        disabled={pending}
        onClick={on.onDelete}
      >
        {t('admin.catalogue.delete')}
      </button>
    </>
  );
}
