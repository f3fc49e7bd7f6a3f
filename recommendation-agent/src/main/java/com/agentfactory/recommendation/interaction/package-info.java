/** Weighted, time-decayed interactions of customers with products, kept from orders and storefront behaviour. */
package com.agentfactory.recommendation.interaction;
