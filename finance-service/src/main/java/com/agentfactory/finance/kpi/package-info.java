/** Business KPIs that follow from the ledger alone: revenue, refunds, orders, average order value. */
package com.agentfactory.finance.kpi;
