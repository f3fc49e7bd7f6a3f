/** The orders the storefront announced, kept so answers can say where an order is. */
package com.agentfactory.support.order;
