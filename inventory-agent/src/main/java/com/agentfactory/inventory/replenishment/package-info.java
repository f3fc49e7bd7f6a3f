/** Suppliers and the reorder plan per SKU: safety stock, reorder point and economic order quantity. */
package com.agentfactory.inventory.replenishment;
