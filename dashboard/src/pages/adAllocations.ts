import type { AllocationRound } from '../api/types';

/** One point in time of the allocation chart: each campaign's allocated daily budget, by campaign id. */
export interface AllocationRow {
  time: number;
  [campaignId: string]: number;
}

export interface AllocationSeries {
  campaigns: { id: string; name: string }[];
  rows: AllocationRow[];
}

/**
 * The allocated daily budgets of every campaign of one currency over the rounds, as rows a chart can draw: a round
 * changes only some campaigns, so each row carries the others' last value forward; a campaign's budget before its
 * first change in the window is that change's previous budget, drawn from the first round on.
 */
export function allocationSeries(rounds: AllocationRound[], currency: string): AllocationSeries {
  const ordered = rounds.filter((r) => r.currency === currency).sort((a, b) => a.occurred_at.localeCompare(b.occurred_at));
  const names = new Map<string, string>();
  const before = new Map<string, number>();
  for (const round of ordered) {
    for (const change of round.changes) {
      if (!names.has(change.campaign_id)) {
        names.set(change.campaign_id, change.campaign_name);
        if (change.previous_daily_budget !== null) {
          before.set(change.campaign_id, Number(change.previous_daily_budget));
        }
      }
    }
  }
  const rows: AllocationRow[] = [];
  const current = new Map<string, number>();
  if (ordered.length > 0 && before.size > 0) {
    // the budgets as they stood before the first round in the window, just before it
    before.forEach((value, id) => current.set(id, value));
    rows.push(row(Date.parse(ordered[0].occurred_at) - 1, current));
  }
  for (const round of ordered) {
    for (const change of round.changes) {
      current.set(change.campaign_id, Number(change.allocated_daily_budget));
    }
    rows.push(row(Date.parse(round.occurred_at), current));
  }
  return { campaigns: [...names].map(([id, name]) => ({ id, name })), rows };
}

function row(time: number, values: Map<string, number>): AllocationRow {
  const result: AllocationRow = { time };
  values.forEach((value, id) => (result[id] = value));
  return result;
}

/** The currencies the rounds are in, most rounds first: the page shows one currency's campaigns at a time. */
export function roundCurrencies(rounds: AllocationRound[]): string[] {
  const counts = new Map<string, number>();
  rounds.forEach((r) => counts.set(r.currency, (counts.get(r.currency) ?? 0) + 1));
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}
