/**
 * The access-rule table: which callers may call which operation, decided the same way at the gateway and in each
 * service; and how a request's bearer token and header characters are read, the same way in both.
 */
package com.agentfactory.access;
