import type { Budget, BudgetAlert } from '../api/types';
import { formatMoney, formatPercent } from '../format';

/**
 * Finance raises 'warning' and 'critical' when a budget's use crosses a threshold, and 'overspent' when recorded
 * spend takes it beyond its allocation. An overspend is money already owed, not a forecast, so it is told apart
 * from a full budget: by its amount beyond the allocation, not by a percentage that only reads as "more than 100%".
 */
export function isOverspent(budget: Budget): boolean {
  return budget.status === 'overspent';
}

/** An amount to show only when there is some: a finance from before spend beyond the budget sends none at all. */
export function hasAmount(amount: number | string | null | undefined): boolean {
  return Number(amount) > 0;
}

/** What an alert says, in the alert's currency: the share used, or for an overspend what went beyond the allocation. */
export function alertSummary(alert: BudgetAlert, locale?: string): string {
  const used = formatMoney(alert.used_amount, alert.currency, locale);
  const allocated = formatMoney(alert.allocated_amount, alert.currency, locale);
  if (alert.level === 'overspent') {
    const beyond = Number(alert.used_amount) - Number(alert.allocated_amount);
    return `${formatMoney(beyond, alert.currency, locale)} beyond the allocation (${used} of ${allocated}, ${formatPercent(alert.utilisation, locale)} used)`;
  }
  return `${formatPercent(alert.utilisation, locale)} used (${used} of ${allocated})`;
}
