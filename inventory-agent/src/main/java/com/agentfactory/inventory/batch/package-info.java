/** The daily run over every stocked SKU: forecast model versions, reorder plans, alerts, suggestions, approvals; its stored reports. */
package com.agentfactory.inventory.batch;
