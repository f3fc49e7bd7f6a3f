/** Planned price promotions of SKUs, which forecasts and reorder plans expect more demand from. */
package com.agentfactory.inventory.promotion;
