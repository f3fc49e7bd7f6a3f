/** Size limits on requests (body 413, request line 414, headers 431), answered as problem details. */
package com.agentfactory.gateway.limits;
