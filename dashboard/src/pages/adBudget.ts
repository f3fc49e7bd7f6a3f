import type { AdAuditEntry } from '../api/types';
import type { BudgetPoint } from '../components/AllocationChart';

// the detail a STATUS or BUDGET entry gets when the change ends the campaign's allocation (the amount, then its
// currency on a status change)
const DROPPED = /allocated daily budget \S+ (?:\S+ )?dropped/;

/**
 * The daily budget over time, read from a campaign's audit. The ad API publishes allocation changes only as audit
 * entries whose detail is text ("allocated daily budget 40.00 -> 55.00 EUR", "daily 50.00 -> 60.00, total ..."),
 * so the amounts are read from it; an entry whose text does not match adds no point. An allocation ends in three
 * ways, and each must end the allocated line, or the chart keeps a budget the campaign no longer spends: the allocator
 * takes it back ("-> none"), the owner's new budget drops it, or the campaign leaves ACTIVE ("... dropped").
 *
 * The entries may be only the newest of the campaign's (a pooled campaign has one every round), without its creation.
 * Its budgets before the first of them are then read from the first change of each: the own budget from the first
 * budget change's "from", else the campaign's daily budget now ({@code dailyBudget}: none changed it since); the
 * allocation from the first entry that changes or drops it.
 */
export function budgetTimeline(history: AdAuditEntry[], dailyBudget?: number): BudgetPoint[] {
  const points: BudgetPoint[] = [];
  const ordered = [...history].sort((a, b) => a.occurred_at.localeCompare(b.occurred_at));
  let own: number | null = null;
  let allocated: number | null = null;
  if (!ordered.some((e) => e.action === 'CREATED')) {
    own = ownBefore(ordered) ?? dailyBudget ?? null;
    allocated = allocatedBefore(ordered);
  }
  for (const entry of ordered) {
    let changed = false;
    if (entry.action === 'CREATED') {
      const m = /daily (\d+(?:\.\d+)?)/.exec(entry.detail);
      if (m) {
        own = Number(m[1]);
        changed = true;
      }
    } else if (entry.action === 'BUDGET') {
      const m = OWN_CHANGE.exec(entry.detail);
      if (m) {
        own = Number(m[2]);
        changed = true;
      }
      if (DROPPED.test(entry.detail)) {
        allocated = null;
        changed = true;
      }
    } else if (entry.action === 'STATUS') {
      if (DROPPED.test(entry.detail)) {
        allocated = null;
        changed = true;
      }
    } else if (entry.action === 'ALLOCATION') {
      const m = ALLOCATION_CHANGE.exec(entry.detail);
      if (m) {
        allocated = m[2] === undefined ? null : Number(m[2]);
        changed = true;
      }
    }
    if (changed) {
      points.push({ at: entry.occurred_at, own, allocated });
    }
  }
  return points;
}

// "daily 50.00 -> 60.00, ...": the own daily budget before and after
const OWN_CHANGE = /daily (\d+(?:\.\d+)?) -> (\d+(?:\.\d+)?)/;
// "allocated daily budget 40.00 -> 55.00 EUR" or "none -> 40.00" or "40.00 -> none (...)"
const ALLOCATION_CHANGE = /allocated daily budget (?:(\d+(?:\.\d+)?)|none) -> (?:(\d+(?:\.\d+)?)|none\b)/;
// the amount a budget or status change dropped
const DROPPED_AMOUNT = /allocated daily budget (\d+(?:\.\d+)?) (?:\S+ )?dropped/;

function ownBefore(ordered: AdAuditEntry[]): number | null {
  for (const entry of ordered) {
    const m = entry.action === 'BUDGET' ? OWN_CHANGE.exec(entry.detail) : null;
    if (m) {
      return Number(m[1]);
    }
  }
  return null;
}

function allocatedBefore(ordered: AdAuditEntry[]): number | null {
  for (const entry of ordered) {
    if (entry.action === 'ALLOCATION') {
      const m = ALLOCATION_CHANGE.exec(entry.detail);
      if (m) {
        return m[1] === undefined ? null : Number(m[1]);
      }
    } else if (entry.action === 'BUDGET' || entry.action === 'STATUS') {
      const m = DROPPED_AMOUNT.exec(entry.detail);
      if (m) {
        return Number(m[1]);
      }
    }
  }
  return null;
}
