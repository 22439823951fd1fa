import { useState } from 'react';
import type { DeleteResponse, ServiceConfig, UpdateServiceRequest } from '@luot/contract';
import { apiSend } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert, Notice, NoticeScope, useAction } from '../form';
import type { PageProps } from '../pages';
import { CatalogueFiles } from './CatalogueFiles';
import { GroupsPanel, byOrder, menuOrder } from './GroupsPanel';
import { ServiceForm } from './ServiceForm';
import { deletedNotice, swapOrder, useCatalogue } from './use-catalogue';
import './catalogue.css';
import { RowActions } from './RowActions';

/**
 * The services visitors take numbers for, and the kiosk menu's groups they sit in. Admins
 * change them (`catalogue:write`); supervisors read them and export the sheet.
 */
export function ServicesPage({ user }: PageProps) {
  const { t } = useI18n();
  const readOnly = user.role !== 'admin';
  const catalogue = useCatalogue();
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const groups = menuOrder(catalogue.data?.serviceGroups ?? []);
  const services = [...(catalogue.data?.services ?? [])].sort(byOrder);
  const groupName = (id: number | null) =>
    id === null ? '' : (groups.find((g) => g.id === id)?.name ?? `#${id}`);

  const act = (work: () => Promise<string | null>) =>
    void action.run(async () => {
      setNotice(null);
      setNotice(await work());
      catalogue.reload();
    });
  const patch = (id: number, body: UpdateServiceRequest) =>
    apiSend('PATCH', `/api/services/${id}`, body);
  const move = (index: number, step: -1 | 1) =>
    act(async () => {
      for (const change of swapOrder(services, index, step)) {
        await patch(change.id, { sortOrder: change.sortOrder });
      }
      return null;
    });

  return (
    <NoticeScope clear={setNotice}>
      <h2>{t('admin.services.title')}</h2>
      {readOnly && (
        <p className="muted" data-testid="catalogue-read-only">
          {t('admin.readOnly')}
        </p>
      )}
      <ErrorAlert error={catalogue.error} testId="catalogue-error" />
      <CatalogueFiles canImport={!readOnly} onImported={catalogue.reload} />
      <GroupsPanel groups={groups} readOnly={readOnly} onChanged={catalogue.reload} />
      {!readOnly && (
        <ServiceForm
          groups={groups}
          onSaved={(message) => {
            setNotice(message);
            catalogue.reload();
          }}
        />
      )}
      <ErrorAlert error={action.error} testId="services-error" />
      <Notice testId="services-notice">{notice}</Notice>
      {catalogue.data && services.length === 0 && (
        <p className="muted">{t('admin.services.none')}</p>
      )}
      {services.length > 0 && (
        <table className="admin-table" data-testid="services-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.services.code')}</th>
              <th scope="col">{t('admin.catalogue.name')}</th>
              <th scope="col">{t('admin.services.group')}</th>
              <th scope="col">{t('admin.services.numbers')}</th>
              <th scope="col">{t('admin.services.limits')}</th>
              <th scope="col">{t('admin.catalogue.status')}</th>
              {!readOnly && <th scope="col">{t('admin.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {services.map((service, index) => (
              <ServiceRow
                key={service.id}
                service={service}
                groupName={groupName(service.groupId)}
                first={index === 0}
                last={index === services.length - 1}
                pending={action.pending}
                readOnly={readOnly}
                editing={editing === service.id}
                onMove={(step) => move(index, step)}
                onEdit={() => setEditing(editing === service.id ? null : service.id)}
                onToggle={() =>
                  act(async () => {
                    await patch(service.id, { active: !service.active });
                    return t('admin.saved');
                  })
                }
                onDelete={() =>
                  act(async () => {
                    const done = await apiSend<DeleteResponse<'service', ServiceConfig>>(
                      'DELETE',
                      `/api/services/${service.id}`,
                    );
                    return t(deletedNotice(done), { name: service.name });
                  })
                }
              />
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && editing !== null && services.some((s) => s.id === editing) && (
        <ServiceForm
          key={editing}
          service={services.find((s) => s.id === editing)}
          groups={groups}
          onSaved={(message) => {
            setEditing(null);
            setNotice(message);
            catalogue.reload();
          }}
        />
      )}
    </NoticeScope>
  );
}

interface RowProps {
  service: ServiceConfig;
  groupName: string;
  first: boolean;
  last: boolean;
  pending: boolean;
  readOnly: boolean;
  editing: boolean;
  onMove: (step: -1 | 1) => void;
  onEdit: () => void;
  onToggle: () => void;
  onDelete: () => void;
}

function ServiceRow({
  service,
  groupName,
  first,
  last,
  pending,
  readOnly,
  editing,
  ...on
}: RowProps) {
  const { t } = useI18n();
  const range = service.numberRange;
  return (
    <tr data-testid={`service-${service.code}`}>
      <td>{service.code}</td>
      <td>
        {service.name}
        {service.nameEn && <small className="muted block">{service.nameEn}</small>}
      </td>
      <td>{groupName}</td>
      <td>
        {range
          ? `${service.prefix}${range.from} – ${service.prefix}${range.to}`
          : t('admin.services.fromOne', { prefix: service.prefix })}
      </td>
      <td>
        {t('admin.services.targetShort', { minutes: service.targetWaitMinutes })}
        {service.dailyCap !== null && (
          <small className="block">{t('admin.services.capShort', { cap: service.dailyCap })}</small>
        )}
        {service.cutOff !== null && (
          <small className="block">
            {t('admin.services.cutOffShort', { minutes: service.cutOff })}
          </small>
        )}
      </td>
      <td>{service.active ? t('admin.catalogue.active') : t('admin.catalogue.inactive')}</td>
      {!readOnly && (
        <td className="row-actions">
          <button
            type="button"
            className="btn btn-secondary btn-small"
            aria-label={`${t('admin.catalogue.up')}: ${service.name}`}
            disabled={pending || first}
            onClick={() => on.onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            aria-label={`${t('admin.catalogue.down')}: ${service.name}`}
            disabled={pending || last}
            onClick={() => on.onMove(1)}
          >
            ↓
          </button>
          <RowActions
            kind="service"
            rowKey={service.code}
            editing={editing}
            active={service.active}
            pending={pending}
            on={on}
          />
        </td>
      )}
    </tr>
  );
}
