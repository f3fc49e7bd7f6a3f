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
 */
export function budgetTimeline(history: AdAuditEntry[]): BudgetPoint[] {
  const points: BudgetPoint[] = [];
  let own: number | null = null;
  let allocated: number | null = null;
  const ordered = [...history].sort((a, b) => a.occurred_at.localeCompare(b.occurred_at));
  for (const entry of ordered) {
    let changed = false;
    if (entry.action === 'CREATED') {
      const m = /daily (\d+(?:\.\d+)?)/.exec(entry.detail);
      if (m) {
        own = Number(m[1]);
        changed = true;
      }
    } else if (entry.action === 'BUDGET') {
      const m = /daily \S+ -> (\d+(?:\.\d+)?)/.exec(entry.detail);
      if (m) {
        own = Number(m[1]);
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
      const m = /-> (?:(\d+(?:\.\d+)?)|none\b)/.exec(entry.detail);
      if (m) {
        allocated = m[1] === undefined ? null : Number(m[1]);
        changed = true;
      }
    }
    if (changed) {
      points.push({ at: entry.occurred_at, own, allocated });
    }
  }
  return points;
}
