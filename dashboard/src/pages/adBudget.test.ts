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

  it('ends the allocated budget when the allocator takes it back, the owner changes the budget or the campaign leaves ACTIVE', () => {
    const points = budgetTimeline([
      entry('CREATED', 'created as ACTIVE on META, daily 50.00 EUR, total 900.00 EUR', '2026-12-01T08:00:00Z'),
      entry('ALLOCATION', 'allocated daily budget none -> 40.00 EUR', '2026-12-01T09:00:00Z'),
      entry('ALLOCATION', 'allocated daily budget 40.00 -> none (its own daily budget 50.00 EUR)', '2026-12-01T10:00:00Z'),
      entry('ALLOCATION', 'allocated daily budget none -> 45.00 EUR', '2026-12-01T11:00:00Z'),
      entry('BUDGET', 'daily 50.00 -> 60.00, total 900.00 -> 1000.00 EUR, allocated daily budget 45.00 dropped', '2026-12-01T12:00:00Z'),
      entry('ALLOCATION', 'allocated daily budget none -> 70.00 EUR', '2026-12-01T13:00:00Z'),
      entry('STATUS', 'ACTIVE -> PAUSED, allocated daily budget 70.00 EUR dropped', '2026-12-01T14:00:00Z'),
      entry('STATUS', 'PAUSED -> ACTIVE', '2026-12-01T15:00:00Z'),
    ]);
    expect(points).toEqual([
      { at: '2026-12-01T08:00:00Z', own: 50, allocated: null },
      { at: '2026-12-01T09:00:00Z', own: 50, allocated: 40 },
      { at: '2026-12-01T10:00:00Z', own: 50, allocated: null },
      { at: '2026-12-01T11:00:00Z', own: 50, allocated: 45 },
      { at: '2026-12-01T12:00:00Z', own: 60, allocated: null },
      { at: '2026-12-01T13:00:00Z', own: 60, allocated: 70 },
      { at: '2026-12-01T14:00:00Z', own: 60, allocated: null },
    ]);
  });

  it('starts the newest entries of a long history, without the creation, from the budgets before the first of them', () => {
    const points = budgetTimeline(
      [
        entry('ALLOCATION', 'allocated daily budget 55.50 -> 57.00 EUR', '2026-12-09T10:05:00Z'),
        entry('ALLOCATION', 'allocated daily budget 57.00 -> 52.00 EUR', '2026-12-09T10:10:00Z'),
        entry('BUDGET', 'daily 50.00 -> 60.00, total 900.00 -> 1000.00 EUR, allocated daily budget 52.00 dropped', '2026-12-09T10:12:00Z'),
      ],
      60,
    );
    expect(points).toEqual([
      { at: '2026-12-09T10:05:00Z', own: 50, allocated: 57 },
      { at: '2026-12-09T10:10:00Z', own: 50, allocated: 52 },
      { at: '2026-12-09T10:12:00Z', own: 60, allocated: null },
    ]);
  });

  it('takes the daily budget now as the own budget when no entry of the newest changed it', () => {
    const points = budgetTimeline([entry('STATUS', 'ACTIVE -> PAUSED, allocated daily budget 70.00 EUR dropped', '2026-12-09T10:00:00Z')], 80);
    expect(points).toEqual([{ at: '2026-12-09T10:00:00Z', own: 80, allocated: null }]);
  });
});
