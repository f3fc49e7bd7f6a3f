import { describe, expect, it } from 'vitest';
import { budgetTimeline } from './adBudget';

const entry = (action: string, detail: string, at: string) => ({ action, detail, actor: 'allocator', reason: 'r', occurred_at: at });

describe('budgetTimeline', () => {
  it('follows the own and the allocated daily budget through the audit, oldest first', () => {
    const points = budgetTimeline([
      entry('ALLOCATION', 'allocated daily budget 40.00 -> 55.50 EUR', '2026-12-02T10:00:00Z'),
      entry('STATUS', 'DRAFT -> ACTIVE', '2026-12-01T09:00:00Z'),
      entry('CREATED', 'created as DRAFT on META, daily 50.00 EUR, total 900.00 EUR', '2026-12-01T08:00:00Z'),
      entry('ALLOCATION', 'allocated daily budget none -> 40.00 EUR', '2026-12-01T12:00:00Z'),
      entry('BUDGET', 'daily 50.00 -> 60.00, total 900.00 -> 1000.00 EUR', '2026-12-03T08:00:00Z'),
    ]);
    expect(points).toEqual([
      { at: '2026-12-01T08:00:00Z', own: 50, allocated: null },
      { at: '2026-12-01T12:00:00Z', own: 50, allocated: 40 },
      { at: '2026-12-02T10:00:00Z', own: 50, allocated: 55.5 },
      { at: '2026-12-03T08:00:00Z', own: 60, allocated: 55.5 },
    ]);
  });
});
