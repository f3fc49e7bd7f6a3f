/** The daily run over every stocked SKU: reorder plans, alert conditions, suggestions, automatic approvals. */
package com.agentfactory.inventory.batch;
