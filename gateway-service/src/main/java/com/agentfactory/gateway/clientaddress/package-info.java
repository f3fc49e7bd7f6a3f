/**
 * Who the client is when the gateway runs behind a reverse proxy: the address the trusted proxy recorded in
 * X-Forwarded-For, for the rate limiter's buckets and the audit log alike.
 */
package com.agentfactory.gateway.clientaddress;
