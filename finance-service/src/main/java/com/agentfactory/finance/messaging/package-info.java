/** What finance consumes from other services: the commerce order events that become ledger rows. */
package com.agentfactory.finance.messaging;
