/**
 * Number formatting with the browser's locale. Amounts arrive from the APIs as JSON numbers or strings of a
 * BigDecimal; they are shown with their currency, never with a guessed one.
 */
export function formatMoney(
  amount: number | string | null | undefined,
  currency: string | null | undefined,
  locale?: string,
): string {
  if (amount === null || amount === undefined || amount === '') {
    return '–';
  }
  const value = typeof amount === 'string' ? Number(amount) : amount;
  if (!Number.isFinite(value)) {
    return String(amount);
  }
  if (!currency || !/^[A-Z]{3}$/.test(currency)) {
    return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  }
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
}

/** A ratio (0.1234) as a percentage; null (nothing to divide by) as a dash. */
export function formatPercent(ratio: number | string | null | undefined, locale?: string, digits = 1): string {
  if (ratio === null || ratio === undefined || ratio === '') {
    return '–';
  }
  const value = typeof ratio === 'string' ? Number(ratio) : ratio;
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export function formatNumber(value: number | string | null | undefined, locale?: string, digits = 2): string {
  if (value === null || value === undefined || value === '') {
    return '–';
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(Number(value));
}

export function formatDateTime(instant: string | null | undefined, locale?: string): string {
  if (!instant) {
    return '–';
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(instant),
  ) + ' UTC';
}

/** ISO date (YYYY-MM-DD) of a UTC day, `offsetDays` from `now`. */
export function isoDay(now: Date, offsetDays = 0): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offsetDays));
  return day.toISOString().slice(0, 10);
}

/** The ISO date (YYYY-MM-DD) `offsetDays` from another ISO date. */
export function shiftDay(day: string, offsetDays: number): string {
  return isoDay(new Date(`${day}T00:00:00Z`), offsetDays);
}

export function fiscalPeriod(now: Date): string {
  return now.toISOString().slice(0, 7);
}
