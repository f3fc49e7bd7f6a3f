import { describe, expect, it } from 'vitest';
import { decimal, decimalString, plus, times, ZERO } from './money';

describe('money', () => {
  it('adds amounts exactly where floating point does not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(decimalString(plus(decimal(0.1), decimal(0.2)))).toBe('0.3');
  });

  it('keeps every decimal of a price finer than cents', () => {
    expect(decimalString(times(decimal(0.125), 3))).toBe('0.375');
    expect(decimalString(times(decimal('1.005'), 1))).toBe('1.005');
    expect(decimalString(plus(decimal('0.0001'), decimal('19.99')))).toBe('19.9901');
  });

  it('reads whole amounts, trailing zeros and exponents', () => {
    expect(decimalString(times(decimal(12), 2))).toBe('24');
    expect(decimalString(decimal('25.50'))).toBe('25.5');
    expect(decimalString(decimal(1e-7))).toBe('0.0000001');
    expect(decimalString(decimal(1e21))).toBe('1000000000000000000000');
    expect(decimalString(ZERO)).toBe('0');
  });

  it('refuses what is no finite amount, and a quantity that is no whole number', () => {
    expect(() => decimal(Number.NaN)).toThrow(RangeError);
    expect(() => decimal(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => decimal('12,50')).toThrow(RangeError);
    expect(() => times(decimal(1), 1.5)).toThrow(RangeError);
  });
});
