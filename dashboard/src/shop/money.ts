/**
 * Exact decimal arithmetic for amounts of money. Prices arrive as JSON numbers of a BigDecimal (12.5, 0.125); a sum
 * of them in floating point, or rounded to cents first, can differ from the total the ledger books. Here an amount is
 * an integer count of 10^-scale units, so sums and products by a quantity are exact at any number of decimals.
 */
export interface Decimal {
  units: bigint;
  scale: number;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** The exact decimal a JSON number or decimal string stands for; throws for anything that is no finite number. */
export function decimal(amount: number | string): Decimal {
  const match = DECIMAL.exec(String(amount).trim());
  if (!match) {
    throw new RangeError(`${String(amount)} is not an amount`);
  }
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole + fraction) * (sign === '-' ? -1n : 1n);
  return scale >= 0 ? { units: digits, scale } : { units: digits * 10n ** BigInt(-scale), scale: 0 };
}

function rescale(d: Decimal, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

export function plus(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

/** The amount times a whole quantity. */
export function times(a: Decimal, quantity: number): Decimal {
  if (!Number.isSafeInteger(quantity)) {
    throw new RangeError(`${quantity} is not a whole quantity`);
  }
  return { units: a.units * BigInt(quantity), scale: a.scale };
}

export const ZERO: Decimal = { units: 0n, scale: 0 };

/** The amount as a plain decimal string ("25.5", "0.375", "12"), without trailing zeros after the point. */
export function decimalString(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = digits.slice(digits.length - d.scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
