import { describe, expect, it } from 'vitest';
import { ruleOf } from './segmentRules';

describe('segment rules', () => {
  it('types numbers for numeric fields and lists for between and in', () => {
    expect(
      ruleOf(
        [
          { field: 'total_spent', op: 'gt', value: '500', currency: 'GBP' },
          { field: 'country', op: 'in', value: 'DE, FR' },
          { field: 'order_count', op: 'between', value: '2,5' },
        ],
        'and',
      ),
    ).toEqual({
      and: [
        { field: 'total_spent', op: 'gt', value: 500, currency: 'GBP' },
        { field: 'country', op: 'in', value: ['DE', 'FR'] },
        { field: 'order_count', op: 'between', value: [2, 5] },
      ],
    });
  });

  it('names the currency of a money amount, and of nothing else', () => {
    expect(ruleOf([{ field: 'total_spent', op: 'between', value: '1000, 5000', currency: ' jpy ' }], 'and')).toEqual({
      field: 'total_spent',
      op: 'between',
      value: [1000, 5000],
      currency: 'JPY',
    });
    expect(ruleOf([{ field: 'order_count', op: 'gt', value: '2', currency: 'GBP' }], 'and')).toEqual({ field: 'order_count', op: 'gt', value: 2 });
  });

  it('leaves a blank currency out, for the agent to name as missing', () => {
    expect(ruleOf([{ field: 'total_spent', op: 'gt', value: '500', currency: ' ' }], 'and')).toEqual({ field: 'total_spent', op: 'gt', value: 500 });
  });

  it('leaves one condition on its own and keeps text as text', () => {
    expect(ruleOf([{ field: 'customer_number', op: 'eq', value: '0042' }], 'or')).toEqual({ field: 'customer_number', op: 'eq', value: '0042' });
  });

  it('selects on the segment finance gives a customer by its names', () => {
    expect(ruleOf([{ field: 'finance_segment', op: 'in', value: 'lapsed_customer, first_time_buyer' }], 'and')).toEqual({
      field: 'finance_segment',
      op: 'in',
      value: ['lapsed_customer', 'first_time_buyer'],
    });
  });
});
