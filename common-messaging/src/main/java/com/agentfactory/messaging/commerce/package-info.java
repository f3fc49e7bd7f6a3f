/** Storefront events (catalog, customers, orders, behaviour) as records, with their topics. */
package com.agentfactory.messaging.commerce;
