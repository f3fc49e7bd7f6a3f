/** Domain exceptions every service shares: what went wrong, in domain words, with no transport in them. */
package com.agentfactory.messaging.error;
