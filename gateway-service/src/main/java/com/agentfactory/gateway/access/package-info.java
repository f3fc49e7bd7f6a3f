/** The platform's access-rule table plugged into the gateway's security chain. */
package com.agentfactory.gateway.access;
