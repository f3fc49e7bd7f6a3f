/** Token-bucket rate limiting in Redis, per user and per client IP. */
package com.agentfactory.gateway.ratelimit;
