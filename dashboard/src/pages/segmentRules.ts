/**
 * The segment rule language of the campaign agent: a condition {field, op, value} or a group {and|or: [...]}. A condition
 * on money also names the currency of its amount ({field, op, value, currency}): the agent compares a customer only on
 * what they paid in that currency, and refuses an amount without one.
 */
export const SEGMENT_FIELDS: Record<string, { type: 'text' | 'integer' | 'money' | 'timestamp'; ops: string[]; values?: string[] }> = {
  email: { type: 'text', ops: ['eq', 'ne', 'contains', 'in'] },
  country: { type: 'text', ops: ['eq', 'ne', 'contains', 'in'] },
  customer_number: { type: 'text', ops: ['eq', 'ne', 'contains', 'in'] },
  spend_currency: { type: 'text', ops: ['eq', 'ne', 'contains', 'in'] },
  order_count: { type: 'integer', ops: ['eq', 'ne', 'gt', 'lt', 'between', 'in'] },
  total_spent: { type: 'money', ops: ['eq', 'ne', 'gt', 'lt', 'between'] },
  last_order_at: { type: 'timestamp', ops: ['gt', 'lt', 'between'] },
  first_seen_at: { type: 'timestamp', ops: ['gt', 'lt', 'between'] },
  // the segment finance gives the customer (RFM and rules), one of its names
  finance_segment: {
    type: 'text',
    ops: ['eq', 'ne', 'in'],
    values: ['trade_buyer', 'loyal_collector', 'occasional_gift_buyer', 'first_time_buyer', 'lapsed_customer', 'engaged_prospect', 'browsing_visitor'],
  },
};

/** The currency a money condition starts with: the shop's (the Online Retail demo sells in GBP). */
export const DEFAULT_CURRENCY = 'GBP';

export interface Condition {
  field: string;
  op: string;
  value: string;
  /** The ISO 4217 code of a money field's amount; ignored for other fields. */
  currency?: string;
}

export function isMoney(field: string): boolean {
  return SEGMENT_FIELDS[field]?.type === 'money';
}

function valueOf(field: string, text: string): unknown {
  const numeric = SEGMENT_FIELDS[field]?.type === 'integer' || isMoney(field);
  const one = (t: string) => (numeric && t.trim() !== '' && !Number.isNaN(Number(t)) ? Number(t) : t.trim());
  return text.includes(',') ? text.split(',').map(one) : one(text);
}

/** The rule for a list of conditions that must all (and) or any (or) hold; one condition stands alone. */
export function ruleOf(conditions: Condition[], combine: 'and' | 'or'): Record<string, unknown> {
  const rules = conditions.map((c) => {
    const value = valueOf(c.field, c.value);
    // between and in take a list even when one value was typed, so the agent's error says what is missing
    const rule: Record<string, unknown> = { field: c.field, op: c.op, value: (c.op === 'between' || c.op === 'in') && !Array.isArray(value) ? [value] : value };
    // a blank currency is left out, so the agent's answer names the missing currency rather than a malformed one
    const currency = c.currency?.trim().toUpperCase();
    if (isMoney(c.field) && currency) {
      rule.currency = currency;
    }
    return rule;
  });
  return rules.length === 1 ? rules[0] : { [combine]: rules };
}
