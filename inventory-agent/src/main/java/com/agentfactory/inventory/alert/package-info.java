/**
 * The five stock alerts: low and out of stock on every stock change; overstock, slow moving and expiry risk when
 * the conditions are checked. Each is raised once each time a SKU crosses into it.
 */
package com.agentfactory.inventory.alert;
