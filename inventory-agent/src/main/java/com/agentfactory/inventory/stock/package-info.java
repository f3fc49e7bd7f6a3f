/** Stock per SKU and warehouse, fed by commerce events, and reservations held for checkouts. */
package com.agentfactory.inventory.stock;
