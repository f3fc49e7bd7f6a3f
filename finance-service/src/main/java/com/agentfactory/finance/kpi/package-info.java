/** Business KPIs: revenue, refunds, orders, AOV, lifetime value from the ledger; conversion and ROAS with behaviour and attribution. */
package com.agentfactory.finance.kpi;
