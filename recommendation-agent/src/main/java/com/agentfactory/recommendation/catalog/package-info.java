/**
 * The catalog read model kept from commerce.products and the inventory agent's inventory.stock, and the products API
 * over it.
 */
package com.agentfactory.recommendation.catalog;
