/** Low-stock and out-of-stock alerts, raised once each time a SKU's stock crosses into the level. */
package com.agentfactory.inventory.alert;
