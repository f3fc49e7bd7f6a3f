/** The auth audit log: sign-ins, failures, lockouts, refreshes and role changes, readable by administrators. */
package com.agentfactory.gateway.audit;
