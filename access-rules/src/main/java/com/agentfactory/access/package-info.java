/** The access-rule table: which callers may call which operation, decided the same way at the gateway and in each service. */
package com.agentfactory.access;
