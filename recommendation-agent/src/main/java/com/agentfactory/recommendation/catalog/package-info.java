/** The catalog read model kept from commerce.products, and the products API over it. */
package com.agentfactory.recommendation.catalog;
