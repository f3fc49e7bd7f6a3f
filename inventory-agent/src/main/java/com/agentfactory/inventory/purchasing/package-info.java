/** Purchase orders: suggested by urgency, approved within the finance budget, ordered, received into stock. */
package com.agentfactory.inventory.purchasing;
