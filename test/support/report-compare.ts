/** Rounds every number of a JSON value to 6 decimals, so 10 / 3 and 3.333333333 compare equal. */
export function rounded<T>(value: T): T {
  if (typeof value === 'number') return (Math.round(value * 1e6) / 1e6) as T;
  if (Array.isArray(value)) return value.map(rounded) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)])) as T;
  }
  return value;
}

/** A row without what names it (label, labelEn, ids): what the expected figures hold. */
export function figuresOf<T extends object>(
  row: T,
): Omit<T, 'label' | 'labelEn' | 'serviceId' | 'counterId' | 'staffId'> {
  const {
    label: _l,
    labelEn: _e,
    serviceId: _s,
    counterId: _c,
    staffId: _t,
    ...figures
  } = row as T & Record<'label' | 'labelEn' | 'serviceId' | 'counterId' | 'staffId', unknown>;
  return figures;
}
