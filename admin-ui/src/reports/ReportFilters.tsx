import type { CatalogueResponse } from '@luot/contract';
import { useI18n } from '@luot/ui-shared/use-i18n';
import {
  counterLabels,
  REPORT_FIRST_DAY,
  REPORT_GROUPINGS,
  REPORT_LAST_DAY,
  type ReportGrouping,
} from '../../../server/src/contract/reports';
import { Field, Select } from '../form';
import { PERIOD_KINDS, type DayRange, type PeriodKind, type ReportChoice } from './report-period';

interface Props {
  choice: ReportChoice;
  /** The days the choice covers now (what "Tùy chọn" starts from). */
  range: DayRange | null;
  catalogue: CatalogueResponse | undefined;
  onChange: (choice: ReportChoice) => void;
}

/** The period picker, the grouping and the service and counter filters. */
export function ReportFilters({ choice, range, catalogue, onChange }: Props) {
  const { t, lang } = useI18n();
  const set = (patch: Partial<ReportChoice>) => onChange({ ...choice, ...patch });

  const pickPeriod = (period: PeriodKind) => {
    if (period !== 'custom') set({ period, from: '', to: '' });
    // A custom period starts from the days shown, for the user to move from there.
    else set({ period, from: choice.from || range?.from || '', to: choice.to || range?.to || '' });
  };
  const id = (text: string) => (text === '' ? null : Number(text));

  const services = catalogue?.services ?? [];
  const counters = catalogue?.counters ?? [];
  // A filter (from a bookmark) naming a service or counter that is gone: shown as chosen,
  // so the page says what it reports, and choosing "all" clears it.
  const gone = (chosen: number | null, known: { id: number }[]) =>
    catalogue && chosen !== null && !known.some((k) => k.id === chosen)
      ? [{ value: String(chosen), label: t('admin.reports.goneOption', { id: chosen }) }]
      : [];
  return (
    <form
      className="report-filters"
      aria-label={t('admin.reports.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset className="report-periods">
        <legend>{t('admin.reports.period')}</legend>
        <div className="report-period-buttons">
          {PERIOD_KINDS.map((period) => (
            <button
              key={period}
              type="button"
              className="report-period"
              aria-pressed={choice.period === period}
              data-testid={`report-period-${period}`}
              onClick={() => pickPeriod(period)}
            >
              {t(`admin.reports.period.${period}`)}
            </button>
          ))}
        </div>
      </fieldset>
      {choice.period === 'custom' && (
        <div className="report-custom">
          <Field
            label={t('admin.reports.from')}
            testId="report-from"
            type="date"
            value={choice.from}
            min={REPORT_FIRST_DAY}
            max={choice.to || REPORT_LAST_DAY}
            onChange={(from) => set({ from })}
          />
          <Field
            label={t('admin.reports.to')}
            testId="report-to"
            type="date"
            value={choice.to}
            min={choice.from || REPORT_FIRST_DAY}
            max={REPORT_LAST_DAY}
            onChange={(to) => set({ to })}
          />
        </div>
      )}
      <div className="report-selects">
        <Select
          label={t('admin.reports.groupBy')}
          testId="report-group-by"
          value={choice.groupBy}
          onChange={(groupBy) => set({ groupBy: groupBy as ReportGrouping })}
          options={REPORT_GROUPINGS.map((g) => ({
            value: g,
            label: t(`admin.reports.groupBy.${g}`),
          }))}
        />
        <Select
          label={t('admin.reports.service')}
          testId="report-service"
          value={choice.serviceId === null ? '' : String(choice.serviceId)}
          onChange={(serviceId) => set({ serviceId: id(serviceId) })}
          options={[
            { value: '', label: t('admin.reports.allServices') },
            ...services.map((s) => ({
              value: String(s.id),
              label: lang === 'en' && s.nameEn ? s.nameEn : s.name,
            })),
            ...gone(choice.serviceId, services),
          ]}
        />
        <Select
          label={t('admin.reports.counter')}
          testId="report-counter"
          value={choice.counterId === null ? '' : String(choice.counterId)}
          onChange={(counterId) => set({ counterId: id(counterId) })}
          options={[
            { value: '', label: t('admin.reports.allCounters') },
            ...counters.map((c) => {
              // As the report's rows name it: "Quầy 1 · Tiếp nhận", "Quầy 3", "Counter 3".
              const { label, labelEn } = counterLabels(c.number, c.name);
              return { value: String(c.id), label: lang === 'en' ? labelEn : label };
            }),
            ...gone(choice.counterId, counters),
          ]}
        />
      </div>
    </form>
  );
}
