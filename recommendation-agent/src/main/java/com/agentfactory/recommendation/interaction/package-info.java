/** Weighted, time-decayed interactions of customers with products, kept from orders, cancellations, storefront behaviour and abandoned carts. */
package com.agentfactory.recommendation.interaction;
