import { describe, expect, it } from 'vitest';
import { ApiError, messageOf } from './problem';

describe('messageOf', () => {
  it('names each field at fault after the detail', () => {
    const error = new ApiError(422, 'Unprocessable', 'The request breaks a rule.', [
      { field: 'quantity', message: 'must be at least 1' },
      { field: 'sku', message: 'is unknown' },
    ]);
    expect(messageOf(error)).toBe('The request breaks a rule. (quantity: must be at least 1; sku: is unknown)');
  });

  it('says a field message once when the detail already is that message', () => {
    const detail = "the models need 21 whole weeks of the store's orders before 2026-12-03, there are 4";
    const error = new ApiError(422, 'Unprocessable', detail, [{ field: 'origin', message: detail }]);
    expect(messageOf(error)).toBe(detail);
  });
});
