import { describe, expect, it } from 'vitest';
import { ratioLabel } from './adSimulation';

describe('ratioLabel', () => {
  it('writes budget ratios that are unit fractions as 1/n and others as decimals', () => {
    expect(ratioLabel(0.03125)).toBe('1/32');
    expect(ratioLabel(0.5)).toBe('1/2');
    expect(ratioLabel(1)).toBe('1');
    expect(ratioLabel(0.3)).toBe('0.3');
  });
});
