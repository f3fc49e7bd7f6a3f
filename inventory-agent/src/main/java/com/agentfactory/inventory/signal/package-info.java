/** Views and cart additions as they happen, and the lift they put on a SKU's near-term demand. */
package com.agentfactory.inventory.signal;
