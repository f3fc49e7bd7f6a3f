import type { AllocationHistory, AllocationRound } from '../api/types';

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
 * The allocated daily budgets of every campaign of one currency over the whole window, as rows a chart can draw. The
 * API gives each campaign's budget at the end of the steps in which it changed, so each row carries the others' last
 * value forward; a campaign's budget when the window began is drawn from the window's start, and the last budgets
 * until its end.
 */
export function allocationSeries(history: AllocationHistory, currency: string): AllocationSeries {
  const campaigns = history.series.campaigns.filter((c) => c.currency === currency);
  const byTime = new Map<number, { id: string; value: number }[]>();
  for (const campaign of campaigns) {
    for (const point of campaign.points) {
      const time = Date.parse(point.at);
      const changes = byTime.get(time) ?? [];
      changes.push({ id: campaign.campaign_id, value: Number(point.allocated_daily_budget) });
      byTime.set(time, changes);
    }
  }
  const rows: AllocationRow[] = [];
  const current = new Map<string, number>();
  campaigns.forEach((c) => c.previous_daily_budget !== null && current.set(c.campaign_id, Number(c.previous_daily_budget)));
  if (byTime.size > 0 && current.size > 0) {
    rows.push(row(Date.parse(history.from), current));
  }
  for (const [time, changes] of [...byTime].sort((a, b) => a[0] - b[0])) {
    changes.forEach((c) => current.set(c.id, c.value));
    rows.push(row(time, current));
  }
  // the budgets the last changes left stood until the window's end
  const end = Date.parse(history.to);
  if (rows.length > 0 && rows[rows.length - 1].time < end) {
    rows.push(row(end, current));
  }
  return { campaigns: campaigns.map((c) => ({ id: c.campaign_id, name: c.campaign_name })), rows };
}

function row(time: number, values: Map<string, number>): AllocationRow {
  const result: AllocationRow = { time };
  values.forEach((value, id) => (result[id] = value));
  return result;
}

/**
 * The currencies the window's campaigns are in, most changes first: the page shows one currency's campaigns at a time.
 * The series covers the whole window, so a currency whose rounds are older than the rounds listed is among them.
 */
export function allocationCurrencies(history: AllocationHistory): string[] {
  const counts = new Map<string, number>();
  history.series.campaigns.forEach((c) => counts.set(c.currency, (counts.get(c.currency) ?? 0) + c.points.length));
  history.rounds.forEach((r: AllocationRound) => counts.set(r.currency, counts.get(r.currency) ?? 0));
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}
