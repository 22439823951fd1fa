import { useState } from 'react';
import type {
  CreateServiceRequest,
  ServiceConfig,
  ServiceGroupConfig,
  ServiceResponse,
} from '@luot/contract';
import { apiPost, apiSend } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { Check, ErrorAlert, Field, Select, useAction } from '../form';
import { optionalInt } from './use-catalogue';

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** A new service, or the one given: every field the API takes, checked as the server does. */
export function ServiceForm({
  service,
  groups,
  onSaved,
}: {
  service?: ServiceConfig;
  groups: ServiceGroupConfig[];
  onSaved: (message: string) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(service?.name ?? '');
  const [nameEn, setNameEn] = useState(service?.nameEn ?? '');
  const [prefix, setPrefix] = useState(service?.prefix ?? '');
  const [code, setCode] = useState(service?.code ?? '');
  const [groupId, setGroupId] = useState(text(service?.groupId));
  const [from, setFrom] = useState(text(service?.numberRange?.from));
  const [to, setTo] = useState(text(service?.numberRange?.to));
  const [target, setTarget] = useState(text(service?.targetWaitMinutes ?? 15));
  const [cap, setCap] = useState(text(service?.dailyCap));
  const [cutOff, setCutOff] = useState(text(service?.cutOff));
  const [active, setActive] = useState(service?.active ?? true);
  const action = useAction();
  const id = service ? 'service-edit' : 'service-new';

  const save = async () => {
    const start = optionalInt(from);
    const end = optionalInt(to);
    if ((start === null) !== (end === null)) throw t('admin.services.rangeBoth');
    if (start !== null && end !== null && start > end) throw t('admin.services.rangeOrder');
    const body: CreateServiceRequest & { active?: boolean } = {
      name: name.trim(),
      nameEn: nameEn.trim(),
      prefix: prefix.trim().toUpperCase(),
      groupId: groupId === '' ? null : Number(groupId),
      numberRange: start !== null && end !== null ? { from: start, to: end } : null,
      targetWaitMinutes: optionalInt(target) ?? 15,
      dailyCap: optionalInt(cap),
      cutOff: optionalInt(cutOff),
    };
    if (code.trim() !== '') body.code = code.trim().toUpperCase();
    if (service) {
      await apiSend<ServiceResponse>('PATCH', `/api/services/${service.id}`, { ...body, active });
      onSaved(t('admin.saved'));
      return;
    }
    const created = await apiPost<ServiceResponse>('/api/services', body);
    for (const clear of [
      setName,
      setNameEn,
      setPrefix,
      setCode,
      setFrom,
      setTo,
      setCap,
      setCutOff,
    ]) {
      clear('');
    }
    onSaved(
      t('admin.services.created', { name: created.service.name, code: created.service.code }),
    );
  };

  const groupOptions = groups.map((g) => ({
    value: String(g.id),
    label: g.parentId === null ? g.name : `— ${g.name}`,
  }));

  return (
    <form
      noValidate
      className="admin-form card"
      data-testid={`${id}-form`}
      onSubmit={action.submit(save)}
    >
      <h3>
        {service
          ? t('admin.services.editTitle', { name: service.name })
          : t('admin.services.create')}
      </h3>
      <div className="field-grid">
        <Field
          label={t('admin.catalogue.name')}
          testId={`${id}-name`}
          required
          maxLength={200}
          value={name}
          onChange={setName}
        />
        <Field
          label={t('admin.catalogue.nameEn')}
          testId={`${id}-name-en`}
          maxLength={200}
          value={nameEn}
          onChange={setNameEn}
        />
        <Select
          label={t('admin.services.group')}
          testId={`${id}-group`}
          value={groupId}
          onChange={setGroupId}
          options={[{ value: '', label: t('admin.services.noGroup') }, ...groupOptions]}
        />
        <Field
          label={t('admin.services.prefix')}
          testId={`${id}-prefix`}
          hint={t('admin.services.prefixHint')}
          required
          pattern="\s*[A-Za-z0-9]{1,3}\s*"
          maxLength={3}
          autoCapitalize="characters"
          autoComplete="off"
          value={prefix}
          onChange={setPrefix}
        />
        <Field
          label={t('admin.services.code')}
          testId={`${id}-code`}
          hint={t('admin.services.codeHint')}
          pattern="\s*[A-Za-z0-9][A-Za-z0-9_\-]{0,31}\s*"
          maxLength={32}
          autoComplete="off"
          value={code}
          onChange={setCode}
        />
        <Field
          label={t('admin.services.rangeFrom')}
          testId={`${id}-from`}
          hint={t('admin.services.rangeHint')}
          type="number"
          min={1}
          max={999999}
          value={from}
          onChange={setFrom}
        />
        <Field
          label={t('admin.services.rangeTo')}
          testId={`${id}-to`}
          type="number"
          min={1}
          max={999999}
          value={to}
          onChange={setTo}
        />
        <Field
          label={t('admin.services.targetWait')}
          testId={`${id}-target`}
          type="number"
          required
          min={1}
          max={600}
          value={target}
          onChange={setTarget}
        />
        <Field
          label={t('admin.services.dailyCap')}
          testId={`${id}-cap`}
          hint={t('admin.services.emptyNoLimit')}
          type="number"
          min={1}
          max={100000}
          value={cap}
          onChange={setCap}
        />
        <Field
          label={t('admin.services.cutOff')}
          testId={`${id}-cutoff`}
          hint={t('admin.services.cutOffHint')}
          type="number"
          min={0}
          max={240}
          value={cutOff}
          onChange={setCutOff}
        />
        {service && (
          <Check
            label={t('admin.catalogue.activeFlag')}
            testId={`${id}-active`}
            checked={active}
            onChange={setActive}
          />
        )}
      </div>
      <ErrorAlert error={action.error} testId={`${id}-error`} />
      <button type="submit" className="btn" data-testid={`${id}-submit`} disabled={action.pending}>
        {service ? t('admin.save') : t('admin.services.create')}
      </button>
    </form>
  );
}
