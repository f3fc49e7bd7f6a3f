/** RFC 9457 problem details for every error the gateway returns. */
package com.agentfactory.gateway.error;
