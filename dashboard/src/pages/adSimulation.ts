import { formatNumber } from '../format';

/** 0.03125 as "1/32", the way the budget ratio c0 is written in the RLB paper; other ratios as decimals. */
export function ratioLabel(ratio: number): string {
  const inverse = Math.round((1 / ratio) * 1e6) / 1e6;
  if (inverse === 1) {
    return '1';
  }
  return Number.isInteger(inverse) ? `1/${inverse}` : formatNumber(ratio, undefined, 4);
}
