import { describe, expect, it } from 'vitest';
import { fiscalPeriod, formatMoney, formatPercent, isoDay, shiftDay } from './format';

describe('money formatting', () => {
  it('shows the currency in the locale of the reader', () => {
    expect(formatMoney('1234.5', 'GBP', 'en-GB')).toBe('£1,234.50');
    expect(formatMoney(1234.5, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatMoney('1234.5', 'USD', 'en-US')).toBe('$1,234.50');
  });

  it('keeps the currency’s own minor units', () => {
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
  });

  it('shows a dash for a missing amount and no symbol for an unknown currency', () => {
    expect(formatMoney(null, 'GBP', 'en-GB')).toBe('–');
    expect(formatMoney('12', null, 'en-GB')).toBe('12.00');
  });

  it('formats ratios as percentages and null ratios as a dash', () => {
    expect(formatPercent('0.1234', 'en-GB')).toBe('12.3%');
    expect(formatPercent(null, 'en-GB')).toBe('–');
  });

  it('names UTC days and fiscal periods', () => {
    const now = new Date('2026-03-01T00:30:00Z');
    expect(isoDay(now, -1)).toBe('2026-02-28');
    expect(fiscalPeriod(now)).toBe('2026-03');
  });

  it('moves an ISO day across month and year ends', () => {
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDay('2024-02-28', 1)).toBe('2024-02-29');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
  });
});
