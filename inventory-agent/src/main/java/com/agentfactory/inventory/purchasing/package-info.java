/**
 * Purchase orders: suggested by urgency, approved within the finance budget, ordered, received into stock (or closed
 * short when the rest will not come).
 */
package com.agentfactory.inventory.purchasing;
