import { useState } from 'react';
import type {
  DeleteResponse,
  ServiceGroupConfig,
  ServiceGroupResponse,
  UpdateServiceGroupRequest,
} from '@luot/contract';
import { apiPost, apiSend } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert, Field, Notice, NoticeScope, Select, useAction } from '../form';
import { deletedNotice, swapOrder } from './use-catalogue';
import { RowActions } from './RowActions';

/** Smaller order first, then the older one. */
export function byOrder<T extends { id: number; sortOrder: number }>(a: T, b: T): number {
  return a.sortOrder - b.sortOrder || a.id - b.id;
}

/** Fields, each followed by the procedure groups inside it (the kiosk menu's order). */
export function menuOrder(groups: readonly ServiceGroupConfig[]): ServiceGroupConfig[] {
  const fields = groups.filter((g) => g.parentId === null).sort(byOrder);
  return fields.flatMap((field) => [
    field,
    ...groups.filter((g) => g.parentId === field.id).sort(byOrder),
  ]);
}

/**
 * The kiosk menu's fields and procedure groups: create, rename, order, (de)activate; only
 * the list when `readOnly` (supervisors).
 */
export function GroupsPanel({
  groups,
  readOnly,
  onChanged,
}: {
  groups: ServiceGroupConfig[];
  readOnly: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const fields = groups.filter((g) => g.parentId === null);
  const ordered = menuOrder(groups);

  const act = (work: () => Promise<string | null>) =>
    void action.run(async () => {
      setNotice(null);
      setNotice(await work());
      onChanged();
    });
  const patch = (id: number, body: UpdateServiceGroupRequest) =>
    apiSend<ServiceGroupResponse>('PATCH', `/api/service-groups/${id}`, body);
  const move = (group: ServiceGroupConfig, step: -1 | 1) => {
    const siblings = groups.filter((g) => g.parentId === group.parentId).sort(byOrder);
    const changes = swapOrder(siblings, siblings.indexOf(group), step);
    act(async () => {
      for (const change of changes) await patch(change.id, { sortOrder: change.sortOrder });
      return null;
    });
  };

  return (
    <NoticeScope clear={setNotice}>
      <section className="admin-section" aria-labelledby="groups-title">
        <h3 id="groups-title">{t('admin.groups.title')}</h3>
        <p className="field-hint">{t('admin.groups.hint')}</p>
        {!readOnly && (
          <GroupForm
            fields={fields}
            onSaved={(message) => {
              setNotice(message);
              onChanged();
            }}
          />
        )}
        <ErrorAlert error={action.error} testId="groups-error" />
        <Notice testId="groups-notice">{notice}</Notice>
        {ordered.length === 0 && <p className="muted">{t('admin.groups.none')}</p>}
        {ordered.length > 0 && (
          <table className="admin-table" data-testid="groups-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.catalogue.name')}</th>
                <th scope="col">{t('admin.catalogue.nameEn')}</th>
                <th scope="col">{t('admin.catalogue.status')}</th>
                {!readOnly && <th scope="col">{t('admin.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {ordered.map((group) => {
                const siblings = groups.filter((g) => g.parentId === group.parentId).sort(byOrder);
                const index = siblings.indexOf(group);
                return (
                  <tr key={group.id} data-testid={`group-${group.id}`}>
                    <td className={group.parentId === null ? 'group-field' : 'group-child'}>
                      {group.parentId !== null && <span aria-hidden="true">↳ </span>}
                      {group.name}
                    </td>
                    <td>{group.nameEn}</td>
                    <td>
                      {group.active ? t('admin.catalogue.active') : t('admin.catalogue.inactive')}
                    </td>
                    {!readOnly && (
                      <td className="row-actions">
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          aria-label={`${t('admin.catalogue.up')}: ${group.name}`}
                          disabled={action.pending || index === 0}
                          onClick={() => move(group, -1)}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          aria-label={`${t('admin.catalogue.down')}: ${group.name}`}
                          disabled={action.pending || index === siblings.length - 1}
                          onClick={() => move(group, 1)}
                        >
                          ↓
                        </button>
                        <RowActions
                          kind="group"
                          rowKey={group.id}
                          editing={editing === group.id}
                          active={group.active}
                          pending={action.pending}
                          on={{
                            onEdit: () => setEditing(editing === group.id ? null : group.id),
                            onToggle: () =>
                              act(async () => {
                                await patch(group.id, { active: !group.active });
                                return t('admin.saved');
                              }),
                            onDelete: () =>
                              act(async () => {
                                const done = await apiSend<
                                  DeleteResponse<'group', ServiceGroupConfig>
                                >('DELETE', `/api/service-groups/${group.id}`);
                                return t(deletedNotice(done), { name: group.name });
                              }),
                          }}
                        />
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {!readOnly && editing !== null && groups.some((g) => g.id === editing) && (
          <GroupForm
            key={editing}
            group={groups.find((g) => g.id === editing)}
            fields={fields.filter((f) => f.id !== editing)}
            onSaved={(message) => {
              setEditing(null);
              setNotice(message);
              onChanged();
            }}
          />
        )}
      </section>
    </NoticeScope>
  );
}

/** A new group, or the one given: its names and the field it sits in. */
function GroupForm({
  group,
  fields,
  onSaved,
}: {
  group?: ServiceGroupConfig;
  fields: ServiceGroupConfig[];
  onSaved: (message: string) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(group?.name ?? '');
  const [nameEn, setNameEn] = useState(group?.nameEn ?? '');
  const [parentId, setParentId] = useState(group?.parentId ? String(group.parentId) : '');
  const action = useAction();
  const prefix = group ? 'group-edit' : 'group-new';

  return (
    <form
      noValidate
      className="admin-form"
      data-testid={`${prefix}-form`}
      onSubmit={action.submit(async () => {
        const body = {
          name: name.trim(),
          nameEn: nameEn.trim(),
          parentId: parentId === '' ? null : Number(parentId),
        };
        if (group) {
          await apiSend<ServiceGroupResponse>('PATCH', `/api/service-groups/${group.id}`, body);
          onSaved(t('admin.saved'));
          return;
        }
        const created = await apiPost<ServiceGroupResponse>('/api/service-groups', body);
        setName('');
        setNameEn('');
        onSaved(t('admin.groups.created', { name: created.group.name }));
      })}
    >
      {group && <h4>{t('admin.groups.editTitle', { name: group.name })}</h4>}
      <div className="field-grid">
        <Field
          label={t('admin.catalogue.name')}
          testId={`${prefix}-name`}
          required
          maxLength={200}
          value={name}
          onChange={setName}
        />
        <Field
          label={t('admin.catalogue.nameEn')}
          testId={`${prefix}-name-en`}
          maxLength={200}
          value={nameEn}
          onChange={setNameEn}
        />
        <Select
          label={t('admin.groups.parent')}
          testId={`${prefix}-parent`}
          value={parentId}
          onChange={setParentId}
          options={[
            { value: '', label: t('admin.groups.isField') },
            ...fields.map((f) => ({ value: String(f.id), label: f.name })),
          ]}
        />
      </div>
      <ErrorAlert error={action.error} testId={`${prefix}-error`} />
      <button
        type="submit"
        className="btn"
        data-testid={`${prefix}-submit`}
        disabled={action.pending}
      >
        {group ? t('admin.save') : t('admin.groups.create')}
      </button>
    </form>
  );
}
