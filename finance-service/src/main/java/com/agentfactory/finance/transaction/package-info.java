/** The ledger: revenue and refunds from commerce events, expenses and adjustments reported by agents. */
package com.agentfactory.finance.transaction;
