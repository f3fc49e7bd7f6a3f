import { describe, expect, it } from 'vitest';
import { fieldOfError, fieldsOf, initialValues, toInput } from './schemaForm';

const checkStock = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    skus: { type: 'array', items: { type: 'string' }, minItems: 1 },
    warehouse: { type: 'string', maxLength: 64 },
    threshold: { type: 'integer', minimum: 0 },
    amount: { type: 'number', minimum: 0.01 },
    channel: { type: 'string', enum: ['EMAIL', 'SMS'] },
    urgent: { type: 'boolean' },
    window: { $ref: '#/$defs/Window' },
  },
  required: ['skus', 'amount'],
  $defs: { Window: { type: 'object', properties: { days: { type: 'integer' } } } },
};

describe('schema-generated forms', () => {
  it('picks a control per property type', () => {
    const fields = fieldsOf(checkStock);
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['skus', 'json', true],
      ['warehouse', 'text', false],
      ['threshold', 'integer', false],
      ['amount', 'number', true],
      ['channel', 'select', false],
      ['urgent', 'boolean', false],
      ['window', 'json', false],
    ]);
    expect(fields[4].options).toEqual(['EMAIL', 'SMS']);
    expect(fields[1].maxLength).toBe(64);
    expect(fields[0].label).toBe('Skus');
  });

  it('starts from the example input', () => {
    const fields = fieldsOf(checkStock);
    const values = initialValues(fields, { skus: ['A-1'], amount: 250, urgent: true });
    expect(values.skus).toBe('[\n  "A-1"\n]');
    expect(values.amount).toBe('250');
    expect(values.urgent).toBe(true);
    expect(values.warehouse).toBe('');
  });

  it('sends numbers as numbers, leaves empty optional fields out and parses JSON fields', () => {
    const fields = fieldsOf(checkStock);
    const { input, errors } = toInput(fields, {
      ...initialValues(fields, {}),
      skus: '["A-1","B-2"]',
      amount: '12.50',
      threshold: '3',
      window: '{"days": 7}',
    });
    expect(errors).toEqual([]);
    expect(input).toEqual({ skus: ['A-1', 'B-2'], amount: 12.5, threshold: 3, urgent: false, window: { days: 7 } });
  });

  it('names the fields that cannot be sent', () => {
    const fields = fieldsOf(checkStock);
    const { errors } = toInput(fields, { ...initialValues(fields, {}), skus: '[oops', threshold: '1.5' });
    expect(errors).toEqual([
      { field: 'skus', message: 'must be valid JSON' },
      { field: 'threshold', message: 'must be a whole number' },
      { field: 'amount', message: 'is required' },
    ]);
  });

  it('maps the supervisor’s error paths onto form fields', () => {
    expect(fieldOfError('input_data.skus[0]')).toBe('skus');
    expect(fieldOfError('amount')).toBe('amount');
  });
});
