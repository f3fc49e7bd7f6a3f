/** Daily reconciliation of the ledger against the source data: counts, revenue, refunds, net, orders. */
package com.agentfactory.finance.reconciliation;
