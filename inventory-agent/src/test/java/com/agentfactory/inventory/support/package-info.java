/** Test support: the running agent, its API and topics, and storefront events to feed it. */
package com.agentfactory.inventory.support;
