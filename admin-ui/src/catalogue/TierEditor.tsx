import type { ServiceConfig } from '@luot/contract';
import { useI18n } from '@luot/ui-shared/use-i18n';

/** Most tiers a counter ranks its services in (the server's MAX_TIERS). */
const MAX_TIERS = 10;

/**
 * A counter's services in ranked tiers, best first: add a tier, tick services in each (a
 * service sits in one tier at most), move a tier up or down, remove it. Empty tiers are
 * kept while editing; the form drops them when it sends.
 */
export function TierEditor({
  testId,
  services,
  tiers,
  onChange,
}: {
  testId: string;
  services: ServiceConfig[];
  tiers: number[][];
  onChange: (tiers: number[][]) => void;
}) {
  const { t, lang } = useI18n();
  const set = (index: number, tier: number[]) =>
    onChange(tiers.map((old, i) => (i === index ? tier : old)));
  const swap = (index: number, other: number) => {
    const next = [...tiers];
    [next[index], next[other]] = [tiers[other] ?? [], tiers[index] ?? []];
    onChange(next);
  };
  const name = (s: ServiceConfig) => (lang === 'en' && s.nameEn ? s.nameEn : s.name);

  return (
    <div className="tier-editor" data-testid={testId}>
      {tiers.map((tier, index) => {
        const elsewhere = new Set(tiers.flatMap((other, i) => (i === index ? [] : other)));
        return (
          <fieldset key={index} className="tier" data-testid={`${testId}-tier-${index + 1}`}>
            <legend>
              {index === 0
                ? t('admin.counters.tierFirst')
                : t('admin.counters.tier', { n: index + 1 })}
            </legend>
            <div className="tier-services">
              {services.map((service) => (
                <label key={service.id} className="field-check">
                  <input
                    type="checkbox"
                    data-testid={`${testId}-tier-${index + 1}-${service.code}`}
                    checked={tier.includes(service.id)}
                    disabled={elsewhere.has(service.id)}
                    onChange={(e) =>
                      set(
                        index,
                        e.target.checked
                          ? [...tier, service.id]
                          : tier.filter((id) => id !== service.id),
                      )
                    }
                  />
                  {service.code} · {name(service)}
                  {!service.active && ` (${t('admin.catalogue.inactive')})`}
                </label>
              ))}
            </div>
            <div className="row-actions">
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={index === 0}
                onClick={() => swap(index, index - 1)}
              >
                {t('admin.counters.tierUp')}
              </button>
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={index === tiers.length - 1}
                onClick={() => swap(index, index + 1)}
              >
                {t('admin.counters.tierDown')}
              </button>
              <button
                type="button"
                className="btn btn-danger btn-small"
                onClick={() => onChange(tiers.filter((_, i) => i !== index))}
              >
                {t('admin.counters.tierRemove')}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="btn btn-secondary"
        data-testid={`${testId}-add-tier`}
        disabled={tiers.length >= MAX_TIERS}
        onClick={() => onChange([...tiers, []])}
      >
        {t('admin.counters.addTier')}
      </button>
    </div>
  );
}
