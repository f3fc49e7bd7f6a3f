/** Daily demand per SKU and warehouse, and forecasts of it with prediction intervals. */
package com.agentfactory.inventory.forecast;
